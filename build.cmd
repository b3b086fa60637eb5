@echo off
rem Build and test: the same steps as build.sh. Stops on the first failure.
setlocal
cd /d "%~dp0"
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
if /i "%1"=="publish" (call tools\publish.cmd & exit /b)
dotnet build BackupReconciler.sln -c Release -nologo -clp:ErrorsOnly || exit /b 1
dotnet test BackupReconciler.sln -c Release --no-build -nologo || exit /b 1
