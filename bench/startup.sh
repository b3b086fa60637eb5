#!/usr/bin/env bash
# Whole-process cost of the CLI, against a .NET hello world started the same way (its apphost). Not in CI.
#   bench/startup.sh [RUNS]          (default 9 runs per figure, after one warm-up; medians)
# Builds (Release): the JIT build (framework-dependent apphost), a ReadyToRun build made as the shipped
# win-x64 exe is (self-contained single file, ReadyToRun, which the SDK makes composite with the framework for a
# single file), for linux-x64, the Native AOT build (dist/…-linux-x64, published when missing), and bench/Hello.
# R2R=folder measures the earlier form instead (a self-contained folder, each assembly precompiled on its own).
# Times, with process cpu (user + system) as the figure the goals use:
#   --help; validate and plan of the README's example; a DPM-sized host (2,000 SQL Agent jobs, 1,100 firewall
#   rules, 500 values, 250 services, ~250 resources; bench/gen-host.py) validate and plan; plan of 100, 1,000
#   and 5,000 registry resources (per-resource cost); and the floor of a plan: no resources, against a snapshot
#   with nothing in it and against the DPM-sized host's snapshot (what reading that snapshot alone costs).
# BEFORE=DLL adds a column for another JIT build (e.g. main before this work: BEFORE=/tmp/before/…/backup-reconciler.dll).
# With hyperfine installed, also prints its wall-clock table for the README plan (HYPERFINE=0 to skip).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs=${1:-9}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=$repo/bench/.out
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/startup.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "startup: building (JIT, ReadyToRun, Native AOT, hello world)..." >&2
dotnet build src/BackupReconciler.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Hello -c Release -nologo -clp:ErrorsOnly >/dev/null
if [ "${R2R:-single-file}" = folder ]; then
  r2r_form=(-p:PublishSingleFile=false)
else
  r2r_form=(-p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none)
fi
rm -rf "$out/r2r"
dotnet publish src/BackupReconciler.Cli -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true "${r2r_form[@]}" \
  -nologo -clp:ErrorsOnly -o "$out/r2r" >/dev/null
version=$(dotnet msbuild src/BackupReconciler.Cli -nologo -getProperty:Version)
aot=${AOT:-dist/backup-reconciler-$version-linux-x64}
[ -x "$aot" ] || bash tools/publish.sh linux-x64 >/dev/null
aot=$(cd "$(dirname "$aot")" && pwd)/$(basename "$aot")

declare -A exe=(
  [jit]=$repo/src/BackupReconciler.Cli/bin/Release/net10.0/backup-reconciler
  [r2r]=$out/r2r/backup-reconciler
  [aot]=$aot
)
builds=(jit r2r aot)
if [ -n "${BEFORE:-}" ]; then exe[before]="dotnet $BEFORE"; builds=(before "${builds[@]}"); fi
hello=$repo/bench/Hello/bin/Release/net10.0/hello

python3 bench/gen-host.py dpm "$work/dpm"
for n in 100 1000 5000; do python3 bench/gen-host.py registry "$n" "$work/reg$n"; done
echo '{ "name": "nothing", "resources": [] }' >"$work/nothing.json"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); json.dump({k: d[k] for k in ("snapshotVersion", "computerName", "capturedAt", "facts")}, open(sys.argv[2], "w"))' \
  "$work/dpm/snapshot.json" "$work/empty-snapshot.json"

readme_base=baselines/dpm-protected-server.json
readme_snap=samples/dpm-protected-server.drifted.json
# name|arguments (run from the repository; state in a throw-away folder)
cases=(
  "--help|--help"
  "validate (README)|validate $readme_base"
  "plan (README)|plan $readme_base --snapshot $readme_snap"
  "validate (DPM host)|validate $work/dpm/baseline.json --vars $work/dpm/vars.json"
  "plan (DPM host)|plan $work/dpm/baseline.json --snapshot $work/dpm/snapshot.json --vars $work/dpm/vars.json"
  "plan (no resources)|plan $work/nothing.json --snapshot $work/empty-snapshot.json"
  "plan (no res., DPM snap.)|plan $work/nothing.json --snapshot $work/dpm/snapshot.json"
  "plan (100 registry)|plan $work/reg100/baseline.json --snapshot $work/reg100/snapshot.json"
  "plan (1,000 registry)|plan $work/reg1000/baseline.json --snapshot $work/reg1000/snapshot.json"
  "plan (5,000 registry)|plan $work/reg5000/baseline.json --snapshot $work/reg5000/snapshot.json"
)

echo "startup: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $runs runs per figure, medians"
read -r hello_cpu hello_wall _ < <(python3 bench/proc-time.py "$runs" "$hello")
printf '%-26s %10s %10s\n' "hello world (JIT)" "${hello_cpu} ms cpu" "${hello_wall} ms wall"
declare -A cpu=()
printf '%-26s' "case \\ build"; for b in "${builds[@]}"; do printf ' %-26s' "$b: cpu ms (× hello) wall"; done; echo
for entry in "${cases[@]}"; do
  name=${entry%%|*}
  args=${entry#*|}
  printf '%-26s' "$name"
  for b in "${builds[@]}"; do
    # Verbs get a throw-away state folder; --help takes no other option (with one it is a usage error, exit 1,
    # which is what this case measured before 2026-12-07 evening).
    state=(--state-dir "$work/state-$b")
    [ "$args" = --help ] && state=()
    # shellcheck disable=SC2086 # the arguments are words by design
    read -r c w code < <(python3 bench/proc-time.py "$runs" ${exe[$b]} $args "${state[@]}")
    cpu["$b|$name"]=$c
    printf ' %-26s' "$c ($(awk -v a="$c" -v b="$hello_cpu" 'BEGIN { printf "%.2f×", a / b }')) $w [$code]"
  done
  echo
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "goals (process cpu, medians of $runs):"
for b in "${builds[@]}"; do
  echo "  $b: README plan $(ratio "${cpu[$b|plan (README)]}" "$hello_cpu")× hello (aot ≤ 1.0, r2r ≤ 4);" \
    "--help $(ratio "${cpu[$b|--help]}" "$hello_cpu")× hello (≤ 1.2);" \
    "DPM plan $(ratio "${cpu[$b|plan (DPM host)]}" "${cpu[$b|validate (DPM host)]}")× its validate (≤ 1.5);" \
    "of which reading its snapshot $(awk -v a="${cpu[$b|plan (no res., DPM snap.)]}" -v b="${cpu[$b|plan (no resources)]}" -v v="${cpu[$b|validate (DPM host)]}" 'BEGIN { printf "%.1f ms = %.2f× its validate", a - b, (a - b) / v }');" \
    "5,000 registry plan ${cpu[$b|plan (5,000 registry)]} ms (aot ≤ 500);" \
    "cost per added resource, 1,000→5,000 over 100→1,000: $(awk -v c="${cpu[$b|plan (5,000 registry)]}" -v m="${cpu[$b|plan (1,000 registry)]}" -v s="${cpu[$b|plan (100 registry)]}" \
        'BEGIN { printf "%.3f ms / %.3f ms = %.2f", (c - m) / 4000, (m - s) / 900, ((c - m) / 4000) / ((m - s) / 900) }')× (≤ 1.2)"
done

if command -v hyperfine >/dev/null 2>&1 && [ "${HYPERFINE:-1}" != 0 ]; then
  echo
  echo "hyperfine (wall clock), README plan:"
  hyperfine -N --runs "$runs" --warmup 1 -i \
    -n hello "$hello" \
    -n jit "${exe[jit]} plan $readme_base --snapshot $readme_snap --state-dir $work/hf" \
    -n r2r "${exe[r2r]} plan $readme_base --snapshot $readme_snap --state-dir $work/hf" \
    -n aot "${exe[aot]} plan $readme_base --snapshot $readme_snap --state-dir $work/hf" 2>&1 | grep -vE '^\s*$|Warning'
fi
