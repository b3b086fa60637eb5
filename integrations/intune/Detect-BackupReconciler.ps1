<#
.SYNOPSIS
  Intune remediation, detection script: is this server in its BackupReconciler baseline's state?
.DESCRIPTION
  Runs `backup-reconciler test` (changes nothing), writes the full JSON report to the log folder and
  prints one line (Intune keeps only the last line, at most 2,048 characters). Exit codes, as Intune
  reads them (remediation runs only after exit 1):
    tool 0 (compliant)                -> 0  "Compliant: ..."
    tool 2 (drift or manual findings) -> 1  "Drift: ..."          remediation runs
    tool 4 or 6 (a resource failed)   -> 1  "Failed: ..."         remediation runs and reports the failure
    tool 1, any other, no exe, or the exe cannot be started
                                      -> 2  "Error: ..."          nothing to remediate: the baseline or the install is wrong
  A restart an earlier run deferred and apply would now do makes the tool exit 2: "Drift: ... restart due: ...".
  Windows PowerShell 5.1 compatible; Intune runs it in 32-bit PowerShell by default, so Program Files
  is resolved through $env:ProgramW6432. Parameters have defaults because Intune passes none.
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
$MaxLine = 2048

$programFiles = $env:ProgramW6432
if (-not $programFiles) { $programFiles = $env:ProgramFiles }
if (-not $Exe) { $Exe = "$programFiles\BackupReconciler\backup-reconciler.exe" }
if (-not $Baseline) { $Baseline = "$programFiles\BackupReconciler\baseline.json" }
if (-not $LogDir) { $LogDir = "$env:ProgramData\BackupReconciler\intune" }

function Write-Last([string]$line) {
    # One line whatever a host name, baseline name or message holds: control characters (CR, LF, tab, NUL, ESC, NEL)
    # and Unicode's line and paragraph separators become a space.
    $line = [regex]::Replace($line, '[\p{Cc}\u2028\u2029]+', ' ')
    if ($line.Length -gt $MaxLine) {
        # Cut between characters, never inside a surrogate pair (half of one prints as a replacement character).
        $cut = $MaxLine - 3
        if ([char]::IsHighSurrogate($line[$cut - 1])) { $cut-- }
        $line = $line.Substring(0, $cut) + '...'
    }
    [Console]::Out.Write($line + "`n")
    [Console]::Out.Flush()
}

# The rarer counts, when there are any, so the counts printed add up to the total.
function Get-MoreCounts($s) {
    $more = ''
    if ($s.predictedFailure -gt 0) { $more += ", $($s.predictedFailure) predicted to fail" }
    if ($s.skipped -gt 0) { $more += ", $($s.skipped) skipped" }
    $more
}

function Get-Restarts($report, [string[]]$statuses) {
    @($report.restarts | Where-Object { $statuses -contains $_.status } | ForEach-Object { $_.service }) -join ', '
}

function Get-Findings($report) {
    $open = @($report.resources | Where-Object { $_.status -ne 'compliant' -and $_.status -ne 'changed' } | ForEach-Object { "$($_.id) ($($_.status))" })
    $s = $report.summary
    $text = "$($s.drifted) drifted, $($s.manual) manual, $($s.failed) failed$(Get-MoreCounts $s) of $($s.total) in $($report.baseline) on $($report.host)"
    if ($open.Count -gt 0) { $text += ": $($open -join ', ')" }
    # A restart an earlier run deferred is outstanding work even when every resource is compliant.
    $due = Get-Restarts $report @('planned', 'deferred')
    if ($due) { $text += "; restart due: $due" }
    $text
}

if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) { Write-Last "Error: backup-reconciler is not installed at $Exe"; exit 2 }
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

$report = $null
if (Test-Path -LiteralPath $log) { try { $report = Get-Content -LiteralPath $log -Raw -Encoding UTF8 | ConvertFrom-Json } catch { $report = $null } }
switch ($code) {
    0 { if ($report) { Write-Last "Compliant: $($report.summary.total) resources of $($report.baseline) on $($report.host)"; exit 0 } }
    2 { if ($report) { Write-Last "Drift: $(Get-Findings $report)"; exit 1 } }
    { $_ -eq 4 -or $_ -eq 6 } { if ($report) { Write-Last "Failed: $(Get-Findings $report)"; exit 1 } }
}
$why = ($messages | Where-Object { $_ } | Select-Object -Last 1)
if ($null -eq $code) { Write-Last "Error: backup-reconciler could not be started ($Exe), nothing checked: $why"; exit 2 }
Write-Last "Error: backup-reconciler test exited $code, nothing checked: $why"
exit 2
