#!/usr/bin/env bash
# Build and test: the same steps as build.cmd. Stops on the first failure.
#   ./build.sh test    build in Release, then run every test (the default), again under de-DE and pt-BR
#   ./build.sh build   build only
#   ./build.sh wine    prove the live Windows adapters under Wine: publish their test program for
#                      win-x64 (self-contained) and run it headless in a fresh Wine prefix. Installs
#                      Wine from Debian's packages when it is missing (needs root and apt-get).
#   ./build.sh publish the release packages (tools/publish.sh; arguments after "publish" go to it)
set -euo pipefail
cd "$(dirname "$0")"
target=${1:-test}
[ $# -gt 0 ] && shift
case "$target" in
  test|build|wine|publish) ;;
  *) echo "usage: ./build.sh [test|build|wine|publish]" >&2; exit 1 ;;
esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

case "$target" in
  wine) exec bash .ci/wine-lane.sh ;;
  publish) exec bash tools/publish.sh "$@" ;;
esac

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
# Normal verbosity, for the reason of each skipped test; tools/test-output.awk prints it once, and not the
# logger's line per passed test. The raw output goes to the log, which the closing line counts.
dotnet test BackupReconciler.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" | awk -v skips=1 -f tools/test-output.awk
status=${PIPESTATUS[0]}
# Again under cultures with a decimal comma and other date formats: output must not depend on them.
# The skipped tests and their reasons were listed by the first run.
for culture in de-DE pt-BR; do
  echo "== tests under $culture"
  TEST_CULTURE=$culture dotnet test BackupReconciler.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee -a "$log" | awk -v skips=0 -f tools/test-output.awk
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
set -e

# One plain closing line that any CI reads: "tests: N passed, N failed, N skipped" (every run, every culture).
awk '/^ +Passed: [0-9]+$/ { p += $2 } /^ +Failed: [0-9]+$/ { f += $2 } /^ +Skipped: [0-9]+$/ { s += $2 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
