<#
.SYNOPSIS
  build.cmd's test step: runs dotnet test at normal verbosity, keeps the raw output in -Log and prints what
  tools/test-output.awk prints for build.sh: each skipped test once with its reason (not at all with
  -Skips off, the culture re-runs), no line per passed test, failures and totals as dotnet prints them.
  With -Summarize, prints the closing line from the log: "tests: N passed, N failed, N skipped".
  Windows PowerShell 5.1 compatible.
#>
param(
    [Parameter(Mandatory)] [string]$Log,
    [string]$Project = 'BackupReconciler.sln',
    [string]$Culture = '',
    [switch]$Skips,
    [switch]$Summarize
)
$ErrorActionPreference = 'Continue'

if ($Summarize) {
    $counts = @{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($line in [System.IO.File]::ReadLines($Log)) {
        if ($line -match '^ +(Passed|Failed|Skipped): (\d+)$') { $counts[$Matches[1]] += [int]$Matches[2] }
    }
    "tests: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
    exit 0
}

if ($Culture) { $env:TEST_CULTURE = $Culture }
$writer = [System.IO.StreamWriter]::new($Log, $true)
$inSkip = $false
$inPass = $false
try {
    & dotnet test $Project -c Release --no-build -nologo --logger 'console;verbosity=normal' 2>&1 | ForEach-Object {
        $line = "$_"
        $writer.WriteLine($line)
        if ($line -match '^\[xUnit\.net [^]]*\] +(xUnit\.net VSTest Adapter|Discovering:|Discovered:|Starting:|Finished:)') { return }
        # A passed or skipped test's line, and what follows it (its output, the rest of a display name with line
        # breaks in its data) up to the next line dotnet or xUnit starts.
        if ($line -match '^  (Passed|Skipped) [^ ]') { $inPass = $true; return }
        if ($inPass -and $line -notmatch '^(  Failed |\[xUnit\.net |Test Run |Total tests:|Results File)') { return }
        $inPass = $false
        if ($line -match '^\[xUnit\.net [^]]*\]     .* \[SKIP\]$') { $inSkip = $true; if ($Skips) { $line }; return }
        if ($inSkip -and $line -match '^\[xUnit\.net [^]]*\]       ') { if ($Skips) { $line }; return }
        $inSkip = $false
        $line
    }
    $code = $LASTEXITCODE
}
finally {
    $writer.Dispose()
}
exit $code
