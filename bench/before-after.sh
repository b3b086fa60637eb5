#!/usr/bin/env bash
# Two builds of the CLI side by side on the goals' cases, alternating old and new so that both see the same load
# (the machine may be shared). Not in CI.
#   bench/before-after.sh OLD_EXE NEW_EXE [ROUNDS] [RUNS]
# Each round times every case on OLD, then on NEW, RUNS times each (median process cpu, bench/proc-time.py);
# the figure is the median over ROUNDS (default 3 rounds of 7 runs). Prints ms of cpu and the goal ratios:
# README plan × the JIT hello world, the DPM-sized host's plan × its validate, what reading its snapshot alone
# costs, and the marginal cost per registry resource 1,000→5,000 over 100→1,000.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 rounds=${3:-3} runs=${4:-7}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d "${TMPDIR:-/tmp}/before-after.XXXXXX")
trap 'rm -rf "$work"' EXIT
hello=bench/Hello/bin/Release/net10.0/hello
[ -x "$hello" ] || dotnet build bench/Hello -c Release -nologo -clp:ErrorsOnly >/dev/null
python3 bench/gen-host.py dpm "$work/dpm"
for n in 100 1000 5000; do python3 bench/gen-host.py registry "$n" "$work/reg$n"; done
echo '{ "name": "nothing", "resources": [] }' >"$work/nothing.json"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); json.dump({k: d[k] for k in ("snapshotVersion", "computerName", "capturedAt", "facts")}, open(sys.argv[2], "w"))' \
  "$work/dpm/snapshot.json" "$work/empty-snapshot.json"
cases=(
  "help|--help"
  "readme|plan baselines/dpm-protected-server.json --snapshot samples/dpm-protected-server.drifted.json"
  "dpm-validate|validate $work/dpm/baseline.json --vars $work/dpm/vars.json"
  "dpm-plan|plan $work/dpm/baseline.json --snapshot $work/dpm/snapshot.json --vars $work/dpm/vars.json"
  "nothing|plan $work/nothing.json --snapshot $work/empty-snapshot.json"
  "nothing-dpm|plan $work/nothing.json --snapshot $work/dpm/snapshot.json"
  "reg100|plan $work/reg100/baseline.json --snapshot $work/reg100/snapshot.json"
  "reg1000|plan $work/reg1000/baseline.json --snapshot $work/reg1000/snapshot.json"
  "reg5000|plan $work/reg5000/baseline.json --snapshot $work/reg5000/snapshot.json"
)
echo "before-after: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $rounds rounds of $runs runs"
declare -A samples=()
for ((round = 1; round <= rounds; round++)); do
  read -r c _ < <(python3 bench/proc-time.py "$runs" "$hello")
  samples[hello]+="$c "
  for entry in "${cases[@]}"; do
    name=${entry%%|*} args=${entry#*|}
    for build in old new; do
      exe=$old; [ $build = new ] && exe=$new
      # Verbs get a throw-away state folder; --help takes no other option (with one it is a usage error).
      state=(--state-dir "$work/state-$build")
      [ "$name" = help ] && state=()
      # shellcheck disable=SC2086 # the arguments are words by design
      read -r c _ < <(python3 bench/proc-time.py "$runs" $exe $args "${state[@]}")
      samples[$build|$name]+="$c "
    done
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A m=()
m[hello]=$(echo "${samples[hello]}" | median)
printf '%-14s %10s %10s   (hello world %s ms)\n' case old new "${m[hello]}"
for entry in "${cases[@]}"; do
  name=${entry%%|*}
  for build in old new; do m[$build|$name]=$(echo "${samples[$build|$name]}" | median); done
  printf '%-14s %10s %10s\n' "$name" "${m[old|$name]}" "${m[new|$name]}"
done
for build in old new; do
  awk -v b=$build -v h="${m[hello]}" -v help="${m[$build|help]}" -v r="${m[$build|readme]}" -v v="${m[$build|dpm-validate]}" -v p="${m[$build|dpm-plan]}" \
    -v z="${m[$build|nothing]}" -v zd="${m[$build|nothing-dpm]}" -v a="${m[$build|reg100]}" -v k="${m[$build|reg1000]}" -v f="${m[$build|reg5000]}" 'BEGIN {
    printf "%s: --help %.2f× hello; README plan %.2f× hello; DPM plan %.2f× its validate (reading its snapshot alone %.1f ms = %.2f× validate);", b, help / h, r / h, p / v, zd - z, (zd - z) / v
    printf " 5,000 registry %.1f ms; per resource %.4f ms (100→1,000), %.4f ms (1,000→5,000): %.2f×\n", f, (k - a) / 900, (f - k) / 4000, ((f - k) / 4000) / ((k - a) / 900) }'
done
