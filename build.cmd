@echo off
rem Build and test: the same steps as build.sh. Stops on the first failure.
rem   build.cmd test       build in Release, then run every test (the default), again under de-DE and pt-BR
rem   build.cmd build      build only
rem   build.cmd publish    the release packages (tools\publish.cmd; arguments after "publish" go to it)
rem   build.cmd test-live  the live Windows tests, which "test" skips: they change this machine (below).
rem                        Elevated only; asks first (test-live -y does not, for an unattended test machine).
setlocal
cd /d "%~dp0"
set "target=%~1"
if "%target%"=="" set "target=test"
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if /i "%target%"=="publish" goto publish
if /i "%target%"=="test" goto build
if /i "%target%"=="build" goto build
if /i "%target%"=="test-live" goto build
echo usage: build.cmd [test^|build^|publish^|test-live [-y]] 1>&2
exit /b 1

:publish
call tools\publish.cmd %2 %3 %4 %5 %6 %7 %8 %9
exit /b %errorlevel%

:build
dotnet build BackupReconciler.sln -c Release -nologo -clp:ErrorsOnly || exit /b 1
if /i "%target%"=="build" exit /b 0
set "log=%TEMP%\backup-reconciler-tests-%RANDOM%%RANDOM%.log"
set "runner=powershell -NoProfile -ExecutionPolicy Bypass -File tools\test-output.ps1 -Log "%log%""
if /i "%target%"=="test-live" goto live

rem The schema tests check baselines with an independent validator (ajv, from npm).
if not exist tools\schema-check\node_modules\ajv (
  where npm >nul 2>nul
  if errorlevel 1 (
    echo note: npm not found; the ajv schema tests will be skipped ^(CI installs it^) 1>&2
  ) else (
    call npm ci --prefix tools/schema-check --no-audit --no-fund --loglevel=error || exit /b 1
  )
)

set status=0
rem Each skipped test is listed once, with its reason; tools\test-output.ps1 keeps the raw output in the log.
%runner% -Skips || set status=1
rem Again under cultures with a decimal comma and other date formats: output must not depend on them.
for %%c in (de-DE pt-BR) do (
  echo == tests under %%c
  %runner% -Culture %%c || set status=1
)
rem One plain closing line that any CI reads: "tests: N passed, N failed, N skipped".
%runner% -Summarize
del "%log%" 2>nul
exit /b %status%

:live
echo.
echo The live Windows tests change this machine while they run. Each removes what it made before and after
echo itself, but they write under HKLM\SOFTWARE\BackupReconcilerTests, install and start services named
echo BRTest..., create firewall rules named BRTest... and folders BRTest-... under %TEMP%.
echo Run them on a test machine, from an elevated prompt.
if /i not "%~2"=="-y" (
  echo Press Ctrl+C to stop here, or
  pause
)
set BR_LIVE_TESTS=1
%runner% -Project tests\BackupReconciler.Windows.Tests -Skips
set status=%errorlevel%
%runner% -Summarize
del "%log%" 2>nul
exit /b %status%
