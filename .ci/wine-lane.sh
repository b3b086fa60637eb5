#!/usr/bin/env bash
# The Wine lane (./build.sh wine): the live Windows adapters against Wine's real registry and
# Service Control Manager. Publishes tests/BackupReconciler.Windows.Tests for win-x64,
# self-contained (the feed serves the win-x64 runtime pack), and runs it in a fresh prefix with
# Windows 10 as the reported version. Its output ends with "wine: N passed, M failed"; it fails when
# a live test meant for Wine was skipped, or fewer passed than .ci/lanes.expected says, and it first
# proves that guard by running once with every live test made to skip, which must fail.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wine >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "wine: Wine is not installed and this user cannot install it (needs root and apt-get: apt-get install wine wine64)." >&2
    echo "wine: 0 passed, 1 failed"
    exit 1
  fi
  started=$(date +%s)
  echo "wine: installing Wine from Debian's packages..."
  if ! { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wine wine64 >/dev/null; }; then
    echo "wine: apt-get could not install wine and wine64."
    echo "wine: 0 passed, 1 failed"
    exit 1
  fi
  echo "wine: installed $(wine --version) in $(( $(date +%s) - started )) s"
fi

lane=$(mktemp -d "${TMPDIR:-/tmp}/wine-lane.XXXXXX")
export WINEPREFIX="$lane/prefix" WINEDEBUG=-all
# Headless, and no offer to install Wine's Gecko. (mscoree must stay: Wine's loader goes through it
# for the IL-only images of a .NET program; disabling it fails every assembly load.)
export WINEDLLOVERRIDES="mshtml="
unset DISPLAY WAYLAND_DISPLAY
cleanup() {
  # Ends this prefix's wineserver and whatever still runs in it (a test service), nothing else.
  wineserver -k >/dev/null 2>&1 || true
  rm -rf "$lane"
}
trap cleanup EXIT

started=$(date +%s)
if ! dotnet publish tests/BackupReconciler.Windows.Tests/BackupReconciler.Windows.Tests.csproj -c Release -r win-x64 --self-contained \
     -nologo -clp:ErrorsOnly -o "$lane/bin" >"$lane/publish.log" 2>&1; then
  cat "$lane/publish.log"
  echo "wine: could not publish the test program for win-x64 (the runtime pack Microsoft.NETCore.App.Runtime.win-x64 must come from the feed)."
  echo "wine: 0 passed, 1 failed"
  exit 1
fi
echo "wine: published the win-x64 test program in $(( $(date +%s) - started )) s"

started=$(date +%s)
wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
echo "wine: $(wine --version), fresh prefix reporting Windows 10, ready in $(( $(date +%s) - started )) s"

# The lane's guard, proven every run: the same program with every live test made to skip (as when
# the prefix is not set up) must fail. A lane that would pass such a run proves nothing.
set +e
BR_LANE_SIMULATE_UNPREPARED_PREFIX=1 timeout 300 wine "$lane/bin/BackupReconciler.Windows.Tests.exe" lane wine 2>&1 | tr -d '\r' >"$lane/guard.log"
guard=${PIPESTATUS[0]}
set -e
if [ "$guard" -ne 0 ] && grep -q '^FAIL lane area ' "$lane/guard.log" && grep -q 'meant to run under Wine, but was skipped' "$lane/guard.log"; then
  echo "wine: the guard holds: a run whose live tests skip fails (exit $guard, $(grep -c '^FAIL' "$lane/guard.log") failures)"
else
  cat "$lane/guard.log"
  echo "wine: the guard did not hold: a run whose live tests all skipped did not fail as it must (exit $guard)"
  echo "wine: 0 passed, 1 failed"
  exit 1
fi

started=$(date +%s)
set +e
# Each test is limited to 90 s by the runner; the whole lane to 10 minutes here. "lane wine" judges
# the run by .ci/lanes.expected: a live test meant for Wine that skips, or an area short of its count, fails.
# The runner's closing line is held back here and printed once, last, below.
timeout 600 wine "$lane/bin/BackupReconciler.Windows.Tests.exe" lane wine 2>&1 | tr -d '\r' | tee "$lane/lane.log" \
  | grep -avE '^wine: [0-9]+ passed, [0-9]+ failed$'
status=${PIPESTATUS[0]}
set -e
echo "wine: the lane ran in $(( $(date +%s) - started )) s"

# The closing line CI reads must be the last: when the runner did not get to print it, say so.
closing=$(grep -E '^wine: [0-9]+ passed, [0-9]+ failed$' "$lane/lane.log" | tail -1 || true)
if [ -z "$closing" ]; then
  echo "wine: the test program ended (exit $status) without its closing counts"
  closing="wine: 0 passed, 1 failed"
  status=1
fi

# The areas' counts once more, from the log, by the check every lane shares (.ci/lanes.expected).
if ! bash .ci/lane-expect.sh wine "$lane/lane.log"; then
  passed=$(echo "$closing" | awk '{ print $2 }')
  failed=$(echo "$closing" | awk '{ print $4 }')
  closing="wine: $passed passed, $(( failed + 1 )) failed"
  status=1
fi
echo "$closing"
# The published CLI itself in a fresh prefix ("wine-cli: N passed, N failed"), held to its own rows in .ci/lanes.expected.
set +e
WINE_LANE_BIN="$lane/bin" bash .ci/wine-cli-lane.sh 2>&1 | tee "$lane/cli.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
set -e
bash .ci/lane-expect.sh wine-cli "$lane/cli.log" || status=1
exit "$status"
