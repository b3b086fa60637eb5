#!/usr/bin/env bash
# The Native AOT build does what the JIT build does: every verb on every shipped sample, run by both, the
# outputs and exit codes compared after masking what differs from run to run (run ids, times, durations,
# the work folder); then the process-level tests (kills, signals) run against the AOT executable
# (BR_CLI_EXE, tests/BackupReconciler.Tests/Support/CliExecutable.cs). Not part of CI (it needs the AOT
# build: clang, a few minutes).
#   tools/aot-check.sh [AOT-EXECUTABLE]   default: dist/backup-reconciler-<version>-linux-x64, published when missing
# Ends with "aot-check: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

version=$(dotnet msbuild src/BackupReconciler.Cli/BackupReconciler.Cli.csproj -nologo -getProperty:Version)
aot=${1:-dist/backup-reconciler-$version-linux-x64}
if [ ! -x "$aot" ]; then
  bash tools/publish.sh linux-x64 || { echo "aot-check: could not publish the AOT build"; echo "aot-check: 0 passed, 1 failed"; exit 1; }
fi
aot=$(cd "$(dirname "$aot")" && pwd)/$(basename "$aot")
dotnet build src/BackupReconciler.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null || { echo "aot-check: the JIT build failed"; exit 1; }
jit_dll=$repo/src/BackupReconciler.Cli/bin/Release/net10.0/backup-reconciler.dll

work=$(mktemp -d "${TMPDIR:-/tmp}/aot-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# run BUILD NAME ARGS...: one command in BUILD's own copy of the samples; its standard output, standard
# error and exit code, masked, in $work/BUILD/out/NAME.
run() {
  local build=$1 name=$2
  shift 2
  local dir=$work/$build
  local exe=("$aot")
  [ "$build" = jit ] && exe=(dotnet "$jit_dll")
  (cd "$dir/tree" && "${exe[@]}" "$@" --state-dir "$dir/state" >"$dir/out/$name.stdout" 2>"$dir/out/$name.stderr" </dev/null)
  echo "exit $?" >"$dir/out/$name.exit"
  # Masks: run ids (20261122T100000Z-3f2a), ISO times, durations, this build's folder.
  for f in "$dir/out/$name".*; do
    sed -i -E -e "s#$dir#DIR#g" \
      -e 's/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}/RUNID/g' \
      -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?( ?(Z|[+-][0-9]{2}:?[0-9]{2}))?/TIME/g' \
      -e 's/"durationMs": ?[0-9]+/"durationMs":N/g' -e 's/ time="[0-9.]+"/ time="N"/g' -e 's/[0-9]+(\.[0-9]+)? ?(ms|s)\b/N\2/g' "$f"
  done
  # runs lists runs by id, whose last part is random: runs begun in the same second come in either order.
  [[ $name == *.runs ]] && sort -o "$dir/out/$name.stdout" "$dir/out/$name.stdout"
  return 0
}

# Every verb, in an order that leaves something for runs and undo to find.
verbs_on() { # BUILD ROLE STATE
  local build=$1 role=$2 state=$3 base="baselines/$2.json" snap="samples/$2.$3.json" vars=()
  [ -f "$work/$build/tree/samples/$role.vars.json" ] && vars=(--vars "samples/$role.vars.json")
  local p="$role.$state"
  run "$build" "$p.validate" validate "$base" "${vars[@]}"
  run "$build" "$p.test" test "$base" --snapshot "$snap" "${vars[@]}"
  run "$build" "$p.plan" plan "$base" --snapshot "$snap" "${vars[@]}"
  run "$build" "$p.plan-json" plan "$base" --snapshot "$snap" "${vars[@]}" --output json --save-plan "$p.plan.saved"
  run "$build" "$p.plan-junit" plan "$base" --snapshot "$snap" "${vars[@]}" --output junit
  run "$build" "$p.get" get "$base" --snapshot "$snap" "${vars[@]}"
  run "$build" "$p.detect" detect --snapshot "$snap"
  run "$build" "$p.snapshot" snapshot "$base" --snapshot "$snap" "${vars[@]}" --out "$p.captured.json"
  run "$build" "$p.whatif" apply "$base" --snapshot "$snap" "${vars[@]}" --what-if
  run "$build" "$p.apply" apply "$base" --snapshot "$snap" "${vars[@]}" --output json --detailed-exitcodes
  run "$build" "$p.apply2" apply "$base" --snapshot "$snap" "${vars[@]}" --detailed-exitcodes
  run "$build" "$p.test-after" test "$base" --snapshot "$snap" "${vars[@]}"
  local id
  id=$(cd "$work/$build/state/runs" 2>/dev/null && ls -t ./*.jsonl 2>/dev/null | tail -n +1 | head -1 | sed 's|^\./||; s|\.jsonl$||')
  [ -n "$id" ] && run "$build" "$p.undo" undo "$id" --snapshot "$snap" --force
  run "$build" "$p.runs" runs
  cp "$work/$build/tree/$snap" "$work/$build/out/$p.final-snapshot"
  sed -i -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)?/TIME/g' "$work/$build/out/$p.final-snapshot"
}

for build in jit aot; do
  mkdir -p "$work/$build/out" "$work/$build/tree"
  cp -r baselines samples tests/BackupReconciler.Tests/Data/reg-corpus "$work/$build/tree/"
  for base in baselines/*.json; do
    role=$(basename "$base" .json)
    for state in drifted compliant; do
      [ -f "samples/$role.$state.json" ] && verbs_on "$build" "$role" "$state"
    done
  done
  run "$build" help --help
  run "$build" usage
  run "$build" bad-verb frobnicate
  run "$build" validate-all validate baselines/*.json
  for reg in "$work/$build/tree/reg-corpus/"*.reg; do
    run "$build" "import-reg.$(basename "$reg" .reg)" import-reg "reg-corpus/$(basename "$reg")"
  done
  (cd "$work/$build/tree" && ls ./*.captured.json >/dev/null 2>&1)
  run "$build" report-json report --output json $(cd "$work/$build/out" && ls ./*.plan-json.stdout | sed "s|^\./|$work/$build/out/|")
  run "$build" dsc-manifest dsc manifest
done

for f in "$work/jit/out/"*; do
  name=$(basename "$f")
  if cmp -s "$f" "$work/aot/out/$name"; then
    passed=$((passed + 1))
  else
    echo "FAIL $name differs between the JIT and the AOT build:"
    diff "$f" "$work/aot/out/$name" | head -20
    failed=$((failed + 1))
  fi
done
echo "aot-check: $(ls "$work/jit/out" | wc -l) outputs of $(ls "$work/jit/out" | sed 's/\.[a-z]*$//' | sort -u | wc -l) commands compared"

# The process-level tests (a real process killed or signalled), against the AOT executable.
dotnet build tests/BackupReconciler.Tests -c Release -nologo -clp:ErrorsOnly >/dev/null || { echo "aot-check: the tests did not build"; failed=$((failed + 1)); }
BR_CLI_EXE=$aot dotnet test tests/BackupReconciler.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Hostile.KillAnywhere|FullyQualifiedName~Hostile.Signal|FullyQualifiedName~Cli.KillTests" 2>&1 | tee "$work/tests.log" | grep -E "Passed!|Failed!|\[FAIL\]"
if grep -q "Passed!" "$work/tests.log" && ! grep -q "Failed!" "$work/tests.log"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
echo "aot-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
