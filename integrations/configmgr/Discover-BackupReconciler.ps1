<#
.SYNOPSIS
  ConfigMgr configuration item, discovery script: prints Compliant or NonCompliant.
.DESCRIPTION
  Runs `backup-reconciler test` (changes nothing) and writes the full JSON report to the log folder. The
  compliance rule compares the output with the string "Compliant". ConfigMgr treats a non-zero exit as a
  discovery failure, so that exit is kept for when the state is not known:
    tool 0 (compliant)                      -> exit 0, "Compliant"
    tool 2 (drift or manual findings)       -> exit 0, "NonCompliant"
    tool 6 (drift, and a resource failed)   -> exit 0, "NonCompliant"   drift is certain; remediation reports the failure
    tool 4 (a resource could not be read)   -> exit 1, nothing on stdout, the reason on stderr (discovery failure)
    tool 1, any other, no exe               -> exit 1, nothing on stdout, the reason on stderr (discovery failure)
  Windows PowerShell 5.1 compatible; Program Files through $env:ProgramW6432.
#>
param(
    [string]$Baseline = '',
    [string]$VarsFile = '',
    [string]$Exe = '',
    [string]$LogDir = '',
    [string]$Snapshot = '',
    [string]$StateDir = ''
)
$ErrorActionPreference = 'Continue'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false

$programFiles = $env:ProgramW6432
if (-not $programFiles) { $programFiles = $env:ProgramFiles }
if (-not $Exe) { $Exe = "$programFiles\BackupReconciler\backup-reconciler.exe" }
if (-not $Baseline) { $Baseline = "$programFiles\BackupReconciler\baseline.json" }
if (-not $LogDir) { $LogDir = "$env:ProgramData\BackupReconciler\configmgr" }

function Write-Result([string]$word) { [Console]::Out.Write($word + "`n"); [Console]::Out.Flush() }
function Fail([string]$why) { [Console]::Error.WriteLine($why); exit 1 }

if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) { Fail "backup-reconciler is not installed at $Exe" }
New-Item -ItemType Directory -Force -Path $LogDir | Out-Null
$log = Join-Path $LogDir 'backup-reconciler-test.json'
Remove-Item -LiteralPath $log -ErrorAction SilentlyContinue
$arguments = @('test', $Baseline, '--output', 'json', '--out', $log)
if ($VarsFile) { $arguments += @('--vars', $VarsFile) }
if ($Snapshot) { $arguments += @('--snapshot', $Snapshot) }
# Windows PowerShell 5.1 passes a folder with a space as "C:\State Dir\", the last backslash escaping the closing quote:
# the tool would get C:\State Dir" and fail. "\." at the end names the same folder and survives the quoting.
if ($StateDir -match '\s' -and $StateDir.EndsWith('\')) { $StateDir += '.' }
if ($StateDir) { $arguments += @('--state-dir', $StateDir) }
# A tool that cannot be started (blocked, damaged, the wrong platform) throws instead of exiting: no code, no report.
$code = $null
try { $messages = @(& $Exe @arguments 2>&1 | ForEach-Object { "$_" }); $code = $LASTEXITCODE }
catch { $messages = @("$($_.Exception.Message)") }
# +8 (a restart deferred to a later run) says nothing about compliance: the report lists it; map the rest.
if ($code -in @(8, 10, 12, 14)) { $code -= 8 }
$written = Test-Path -LiteralPath $log

if ($written -and $code -eq 0) { Write-Result 'Compliant'; exit 0 }
if ($written -and ($code -eq 2 -or $code -eq 6)) { Write-Result 'NonCompliant'; exit 0 }
$why = ($messages | Where-Object { $_ } | Select-Object -Last 1)
if ($null -eq $code) { Fail "backup-reconciler could not be started ($Exe), nothing checked: $why" }
if ($written -and $code -eq 4) { Fail "backup-reconciler test could not read every resource (exit 4; the report is $log): $why" }
Fail "backup-reconciler test exited $code, nothing checked: $why"
