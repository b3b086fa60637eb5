<#
.SYNOPSIS
  ConfigMgr configuration item, remediation script: apply the BackupReconciler baseline.
.DESCRIPTION
  Runs `backup-reconciler apply --detailed-exitcodes`, writes the full JSON report to the log folder and
  prints one summary line. ConfigMgr runs discovery again afterwards to decide compliance.
    tool 0 or 2 (nothing changed, or changed and verified)   -> exit 0 (manual findings left: discovery reports them)
    tool +8 (a restart deferred)                             -> as without it
    tool 4 or 6 (a resource failed)                          -> exit 1
    tool 1, any other, no exe                                -> exit 1, the reason on stderr
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

function Fail([string]$why) { [Console]::Error.WriteLine($why); exit 1 }

if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) { Fail "backup-reconciler is not installed at $Exe" }
New-Item -ItemType Directory -Force -Path $LogDir | Out-Null
$log = Join-Path $LogDir 'backup-reconciler-apply.json'
Remove-Item -LiteralPath $log -ErrorAction SilentlyContinue
$arguments = @('apply', $Baseline, '--detailed-exitcodes', '--output', 'json', '--out', $log)
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

$report = $null
if (Test-Path -LiteralPath $log) { try { $report = Get-Content -LiteralPath $log -Raw -Encoding UTF8 | ConvertFrom-Json } catch { $report = $null } }
if ($report -and $code -in @(0, 2, 4, 6)) {
    $s = $report.summary
    # The rarer counts, when there are any, so the counts printed add up to the total.
    $more = ''
    if ($s.skipped -gt 0) { $more += ", $($s.skipped) skipped" }
    $line = "$($s.changed) changed, $($s.manual) manual, $($s.failed) failed$more of $($s.total) in $($report.baseline) on $($report.host) (exit $code)"
    # One line whatever the host or baseline name holds (control characters, line separators).
    [Console]::Out.Write([regex]::Replace($line, '[\p{Cc}\u2028\u2029]+', ' ') + "`n")
    if ($code -in @(0, 2)) { exit 0 }
    exit 1
}
$why = ($messages | Where-Object { $_ } | Select-Object -Last 1)
if ($null -eq $code) { Fail "backup-reconciler could not be started ($Exe), nothing applied: $why" }
Fail "backup-reconciler apply exited $code, nothing applied: $why"
