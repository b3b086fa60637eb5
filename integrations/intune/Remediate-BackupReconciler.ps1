<#
.SYNOPSIS
  Intune remediation, remediation script: apply the BackupReconciler baseline.
.DESCRIPTION
  Runs `backup-reconciler apply --detailed-exitcodes`, writes the full JSON report to the log folder and
  prints one line (Intune keeps only the last line, at most 2,048 characters). Exit codes:
    tool 0 (nothing changed, nothing failed) -> 0  "Compliant: nothing to change ..." or, with manual findings
                                                 left (apply changes nothing for them), "Manual: ..."
    tool 2 (changed and verified)            -> 0  "Fixed: ..."   Intune's next detection shows any manual finding left
    tool +8 (a restart deferred)             -> as without it (the report lists the deferred restart)
    tool 4 or 6 (a resource failed)          -> 1  "Failed: ..."
    tool 1, any other, no exe                -> 1  "Error: ..."
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
    $line = ($line -replace "[\r\n]+", ' ')
    if ($line.Length -gt $MaxLine) { $line = $line.Substring(0, $MaxLine - 3) + '...' }
    [Console]::Out.Write($line + "`n")
    [Console]::Out.Flush()
}

function Get-Outcome($report) {
    $s = $report.summary
    $left = @($report.resources | Where-Object { $_.status -ne 'compliant' -and $_.status -ne 'changed' } | ForEach-Object { "$($_.id) ($($_.status))" })
    $text = "$($s.changed) changed, $($s.manual) manual, $($s.failed) failed of $($s.total) in $($report.baseline) on $($report.host)"
    if ($left.Count -gt 0) { $text += ": $($left -join ', ')" }
    $text
}

if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) { Write-Last "Error: backup-reconciler is not installed at $Exe"; exit 1 }
New-Item -ItemType Directory -Force -Path $LogDir | Out-Null
$log = Join-Path $LogDir 'backup-reconciler-apply.json'
Remove-Item -LiteralPath $log -ErrorAction SilentlyContinue
$arguments = @('apply', $Baseline, '--detailed-exitcodes', '--output', 'json', '--out', $log)
if ($VarsFile) { $arguments += @('--vars', $VarsFile) }
if ($Snapshot) { $arguments += @('--snapshot', $Snapshot) }
if ($StateDir) { $arguments += @('--state-dir', $StateDir) }
$messages = @(& $Exe @arguments 2>&1 | ForEach-Object { "$_" })
$code = $LASTEXITCODE
# +8 (a restart deferred to a later run) says nothing about compliance: the report lists it; map the rest.
if ($code -in @(8, 10, 12, 14)) { $code -= 8 }

$report = $null
if (Test-Path -LiteralPath $log) { try { $report = Get-Content -LiteralPath $log -Raw -Encoding UTF8 | ConvertFrom-Json } catch { $report = $null } }
switch ($code) {
    0 {
        if ($report -and $report.summary.manual -gt 0) { Write-Last "Manual: $(Get-Outcome $report)"; exit 0 }
        if ($report) { Write-Last "Compliant: nothing to change in $($report.summary.total) resources of $($report.baseline) on $($report.host)"; exit 0 }
    }
    2 { if ($report) { Write-Last "Fixed: $(Get-Outcome $report)"; exit 0 } }
    { $_ -eq 4 -or $_ -eq 6 } { if ($report) { Write-Last "Failed: $(Get-Outcome $report)"; exit 1 } }
}
$why = ($messages | Where-Object { $_ } | Select-Object -Last 1)
Write-Last "Error: backup-reconciler apply exited $code, nothing applied: $why"
exit 1
