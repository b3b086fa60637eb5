#!/usr/bin/env bash
# Build and test: the same steps as build.cmd. Stops on the first failure.
#   ./build.sh test    build in Release, then run every test (the default)
#   ./build.sh build   build only
#   ./build.sh wine    prove the live Windows adapters under Wine: publish their test program for
#                      win-x64 (self-contained) and run it headless in a fresh Wine prefix. Installs
#                      Wine from Debian's packages when it is missing (needs root and apt-get).
#   ./build.sh publish the artifacts into dist/ (tools/publish.sh): the Windows zip and the Linux AOT build
set -euo pipefail
cd "$(dirname "$0")"
target=${1:-test}
case "$target" in
  test|build|wine|publish) ;;
  *) echo "usage: ./build.sh [test|build|wine|publish]" >&2; exit 1 ;;
esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "$target" = wine ]; then
  exec bash .ci/wine-lane.sh
fi
[ "$target" = publish ] && exec bash tools/publish.sh

dotnet build BackupReconciler.sln -c Release -nologo -clp:ErrorsOnly
[ "$target" = build ] && exit 0

# The schema tests check baselines with an independent validator (ajv, from npm).
if [ ! -d tools/schema-check/node_modules/ajv ]; then
  if command -v npm >/dev/null 2>&1; then
    npm ci --prefix tools/schema-check --no-audit --no-fund --loglevel=error
  else
    echo "note: npm not found; the ajv schema tests will be skipped (CI installs it)" >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test BackupReconciler.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Again under cultures with a decimal comma and other date formats: output must not depend on them.
for culture in de-DE pt-BR; do
  echo "== tests under $culture"
  TEST_CULTURE=$culture dotnet test BackupReconciler.sln -c Release --no-build -nologo 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
set -e

# One plain closing line that any CI reads: "tests: N passed, N failed, N skipped".
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
