<#
.SYNOPSIS
  Intune remediation, remediation script: apply the BackupReconciler baseline.
.DESCRIPTION
  Runs `backup-reconciler apply --detailed-exitcodes`, writes the full JSON report to the log folder and
  prints one line (Intune keeps only the last line, at most 2,048 characters). Exit codes:
    tool 0 (nothing changed, nothing failed) -> 0  "Compliant: nothing to change ..." or, with manual findings
                                                 left (apply changes nothing for them), "Manual: ..."
                                                 or, with a restart deferred again, "Waiting: ..."
    tool 2 (changed or restarted, verified)  -> 0  "Fixed: ..."   Intune's next detection shows any manual finding left
    tool +8 (a restart deferred)             -> as without it (the report lists the deferred restart)
    tool 4 or 6 (a resource failed)          -> 1  "Failed: ..."
    tool 1, any other, no exe, cannot start  -> 1  "Error: ..."
  Windows PowerShell 5.1 compatible; Program Files through $env:ProgramW6432 (Intune runs 32-bit PowerShell).
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

function Get-Outcome($report) {
    $s = $report.summary
    $left = @($report.resources | Where-Object { $_.status -ne 'compliant' -and $_.status -ne 'changed' } | ForEach-Object { "$($_.id) ($($_.status))" })
    $text = "$($s.changed) changed, $($s.manual) manual, $($s.failed) failed$(Get-MoreCounts $s) of $($s.total) in $($report.baseline) on $($report.host)"
    if ($left.Count -gt 0) { $text += ": $($left -join ', ')" }
    $restarted = Get-Restarts $report @('restarted')
    if ($restarted) { $text += "; restarted: $restarted" }
    $waiting = Get-Restarts $report @('deferred', 'failed')
    if ($waiting) { $text += "; restart still due: $waiting" }
    $text
}

if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) { Write-Last "Error: backup-reconciler is not installed at $Exe"; exit 1 }
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
switch ($code) {
    0 {
        if ($report -and $report.summary.manual -gt 0) { Write-Last "Manual: $(Get-Outcome $report)"; exit 0 }
        # Nothing changed, but a restart an earlier run deferred waits again (backup work running): not compliant yet.
        if ($report -and (Get-Restarts $report @('deferred'))) { Write-Last "Waiting: $(Get-Outcome $report)"; exit 0 }
        if ($report) { Write-Last "Compliant: nothing to change in $($report.summary.total) resources of $($report.baseline) on $($report.host)"; exit 0 }
    }
    2 { if ($report) { Write-Last "Fixed: $(Get-Outcome $report)"; exit 0 } }
    { $_ -eq 4 -or $_ -eq 6 } { if ($report) { Write-Last "Failed: $(Get-Outcome $report)"; exit 1 } }
}
$why = ($messages | Where-Object { $_ } | Select-Object -Last 1)
if ($null -eq $code) { Write-Last "Error: backup-reconciler could not be started ($Exe), nothing applied: $why"; exit 1 }
Write-Last "Error: backup-reconciler apply exited $code, nothing applied: $why"
exit 1
