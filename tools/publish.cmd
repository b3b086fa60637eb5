@echo off
rem The Windows artifact into dist\ (build.cmd publish): the same as tools/publish.sh win-x64.
rem   dist\backup-reconciler-<version>-win-x64.zip  one self-contained, ReadyToRun backup-reconciler.exe (native
rem   libraries inside the bundle), the DSC manifest beside it, baselines, schemas, docs, integrations, README.md
rem   and SHA256SUMS; dist\SHA256SUMS holds the zip's checksum. The Native AOT Linux build needs Linux:
rem   tools/publish.sh linux-x64 there.
setlocal
cd /d "%~dp0.."
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set cli=src\BackupReconciler.Cli\BackupReconciler.Cli.csproj
for /f "usebackq delims=" %%v in (`dotnet msbuild %cli% -nologo -getProperty:Version`) do set version=%%v
if "%version%"=="" (echo publish: no ^<Version^> in Directory.Build.props 1>&2 & exit /b 1)
set name=backup-reconciler-%version%-win-x64
set work=%TEMP%\br-publish-%RANDOM%%RANDOM%
if exist "%work%" rmdir /s /q "%work%"
dotnet publish %cli% -p:PublishProfile=win-x64 -o "%work%\bin" -nologo -clp:ErrorsOnly || exit /b 1
rem The rest (nothing loose beside the exe, the staging, the checksums, the zip) in PowerShell, which Windows has.
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$ErrorActionPreference = 'Stop';" ^
  "$bin = '%work%\bin'; $stage = Join-Path '%work%' '%name%';" ^
  "$loose = Get-ChildItem $bin | Where-Object { $_.Name -notin 'backup-reconciler.exe', 'backup-reconciler.dsc.resource.json' };" ^
  "if ($loose) { throw ('files beside backup-reconciler.exe that belong in the bundle: ' + ($loose.Name -join ', ')) }" ^
  "New-Item -ItemType Directory $stage | Out-Null; Copy-Item (Join-Path $bin '*') $stage;" ^
  "foreach ($d in 'baselines', 'schemas', 'docs', 'integrations', 'README.md') { Copy-Item -Recurse $d $stage }" ^
  "$lines = Get-ChildItem -Recurse -File $stage | ForEach-Object { $rel = $_.FullName.Substring($stage.Length + 1).Replace('\', '/'); '{0}  {1}' -f (Get-FileHash -Algorithm SHA256 $_.FullName).Hash.ToLowerInvariant(), $rel } | Sort-Object { $_.Substring(66) } -Culture '';" ^
  "[IO.File]::WriteAllText((Join-Path $stage 'SHA256SUMS'), (($lines -join [char]10) + [char]10));" ^
  "New-Item -ItemType Directory -Force dist | Out-Null; $zip = 'dist\%name%.zip'; if (Test-Path $zip) { Remove-Item $zip };" ^
  "Compress-Archive -Path $stage -DestinationPath $zip;" ^
  "$sum = (Get-FileHash -Algorithm SHA256 $zip).Hash.ToLowerInvariant();" ^
  "[IO.File]::WriteAllText('dist\SHA256SUMS', ('{0}  %name%.zip' -f $sum) + [char]10);" ^
  "Write-Host ('publish: ' + $zip); Get-Content dist\SHA256SUMS" || (rmdir /s /q "%work%" & exit /b 1)
rmdir /s /q "%work%"
