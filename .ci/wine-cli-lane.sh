#!/usr/bin/env bash
# The Wine CLI lane: the published backup-reconciler.exe itself (win-x64, self-contained), in a fresh
# Wine prefix, against Wine's REAL registry and Service Control Manager — no --snapshot. The adapter
# lane (.ci/wine-lane.sh) proves the adapters one call at a time; this lane proves what an
# administrator runs, verb after verb:
#   plan leaves a registry export byte-identical; apply; test exits 0; a second apply changes nothing;
#   undo restores the export byte-identically — for the six kinds, pre-existing REG_NONE,
#   REG_DWORD_BIG_ENDIAN and unnamed type numbers, in both registry views, and a test-owned
#   service's start type and state (tests/wine-cli-lane/lane.json on tests/wine-cli-lane/seed.reg);
#   a start type Windows sets in two calls (automaticDelayed, which Wine lacks) is taken back whole;
#   snapshot under Wine, then plan on Linux against that file, gives the report plan gives under Wine;
#   the firewall rule store loaded with the real rule strings of ../shared/data/firewall-rules.jsonl,
#   plus rules without Active= and others the parser cannot fully read, loses no rule by name.
# The CLI starts no process; this script does (wine reg, wine sc), and the SCM starts the test service
# (the adapter lane's test program in its service mode). Called at the end of .ci/wine-lane.sh, which
# passes its published test program in WINE_LANE_BIN; alone it publishes that program itself.
# Prints a matrix (row × verb) and closes with "wine-cli: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
lane_started=$(date +%s)
passed=0
failed=0
declare -A cell=()

say() { echo "wine-cli: $*"; }

# check NAME COMMAND...: one counted result.
check() {
  local name=$1
  shift
  if "$@"; then
    echo "PASS $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    failed=$((failed + 1))
  fi
}

# mark ROW VERB COMMAND...: a counted result that is also a cell of the matrix.
mark() {
  local row=$1 verb=$2
  shift 2
  if "$@"; then
    cell["$row|$verb"]=pass
    passed=$((passed + 1))
  else
    cell["$row|$verb"]=FAIL
    echo "FAIL $row × $verb"
    failed=$((failed + 1))
  fi
}

rows=()
verbs=(plan apply test apply2 undo snapshot)

finish() {
  if [ "${#rows[@]}" -gt 0 ]; then
    printf '%-36s' "row \\ verb"
    printf '%-9s' "${verbs[@]}"
    echo
    for row in "${rows[@]}"; do
      printf '%-36s' "$row"
      for verb in "${verbs[@]}"; do printf '%-9s' "${cell["$row|$verb"]:--}"; done
      echo
    done
  fi
  say "the lane ran in $(($(date +%s) - lane_started)) s"
  echo "wine-cli: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit $?
}

give_up() {
  say "$1"
  failed=$((failed + 1))
  finish
}

command -v wine >/dev/null 2>&1 || give_up "Wine is not installed (.ci/wine-lane.sh installs it: apt-get install wine wine64)"
if ! command -v jq >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends jq >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends jq >/dev/null; }
  fi
  command -v jq >/dev/null 2>&1 || give_up "jq is missing and could not be installed (apt-get install jq)"
fi
# The real rule strings: shared/ beside the repository, else the tests' byte-identical copy of that file.
corpus=$repo/../shared/data/firewall-rules.jsonl
[ -r "$corpus" ] || corpus=$repo/tests/BackupReconciler.Tests/Data/firewall-rules.jsonl
[ -r "$corpus" ] || give_up "the real rule strings are at neither ../shared/data nor tests/BackupReconciler.Tests/Data"

lane=$(mktemp -d "${TMPDIR:-/tmp}/wine-cli-lane.XXXXXX")
export WINEPREFIX="$lane/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mshtml="
unset DISPLAY WAYLAND_DISPLAY
cleanup() {
  # This prefix's wineserver and what runs in it (the test service), nothing else.
  WINEPREFIX="$lane/prefix" wineserver -k >/dev/null 2>&1 || true
  if [ -n "${WINE_CLI_KEEP:-}" ]; then say "kept $lane"; else rm -rf "$lane"; fi
}
trap cleanup EXIT

# --- builds: the Windows CLI under test, the Linux CLI for the cross-platform comparison --------------
# The CLI under test is the artifact users get: the zip tools/publish.sh makes (one self-contained,
# ReadyToRun backup-reconciler.exe), unpacked, its SHA256SUMS checked. Wine 8 cannot start a single-file
# .NET bundle (README, "Installing": it fails with "Failed to load System.Private.CoreLib.dll (0x80070057)");
# when that is what happens, the lane runs the same build published as a folder (tools/publish.sh
# win-x64-folder), and says so. A Wine that starts the bundle gets the bundle.
# WINE_CLI_BIN: an already published win-x64 CLI folder (for a person rerunning the lane); WINE_CLI_ZIP: a zip.
started=$(date +%s)
version=$(dotnet msbuild src/BackupReconciler.Cli/BackupReconciler.Cli.csproj -nologo -getProperty:Version 2>/dev/null)
cli_bin=${WINE_CLI_BIN:-}
if [ -z "$cli_bin" ]; then
  zip=${WINE_CLI_ZIP:-}
  if [ -z "$zip" ]; then
    zip=$repo/dist/backup-reconciler-$version-win-x64.zip
    bash tools/publish.sh win-x64 >"$lane/publish.log" 2>&1 || { cat "$lane/publish.log"; give_up "tools/publish.sh win-x64 failed"; }
    say "$(grep -E 'published in' "$lane/publish.log")"
  fi
  unzip -q "$zip" -d "$lane/zip" || give_up "could not unpack $zip"
  cli_bin=$(dirname "$(find "$lane/zip" -name backup-reconciler.exe | head -1)")
  check "the zip holds one backup-reconciler.exe, the DSC manifest beside it and nothing else loose" \
    bash -c "[ \"\$(cd '$cli_bin' && ls -p | grep -v / | grep -vxE 'README.md|SHA256SUMS' | tr '\n' ' ')\" = 'backup-reconciler.dsc.resource.json backup-reconciler.exe ' ]"
  check "the zip's SHA256SUMS match its files" bash -c "cd '$cli_bin' && sha256sum --quiet -c SHA256SUMS"
  wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
  timeout 120 wine "$cli_bin/backup-reconciler.exe" --help >"$lane/probe.out" 2>&1
  probe=$?
  if [ "$probe" -ne 0 ] && grep -aq 'Failed to load System.Private.CoreLib.dll' "$lane/probe.out"; then
    say "note: the single-file exe does not start under $(wine --version) ($(grep -ao 'Failed to load System.Private.CoreLib.dll[^)]*)' "$lane/probe.out" | head -1)): Wine's limitation, README \"Installing\"; running the folder build of the same code (tools/publish.sh win-x64-folder)"
    bash tools/publish.sh win-x64-folder >"$lane/publish-folder.log" 2>&1 || { cat "$lane/publish-folder.log"; give_up "tools/publish.sh win-x64-folder failed"; }
    say "$(grep -E 'published in' "$lane/publish-folder.log")"
    cli_bin=$repo/dist/backup-reconciler-$version-win-x64-folder
  elif [ "$probe" -ne 0 ]; then
    cat "$lane/probe.out"
    give_up "the published exe did not run --help under Wine (exit $probe)"
  else
    say "the single-file exe from the zip runs under $(wine --version)"
  fi
fi
if [ -z "${WINE_CLI_BIN:-}" ] && ! dotnet build src/BackupReconciler.Cli/BackupReconciler.Cli.csproj -c Release -nologo -clp:ErrorsOnly >"$lane/build.log" 2>&1; then
  cat "$lane/build.log"
  give_up "could not build the CLI for Linux"
fi
linux_cli=$repo/src/BackupReconciler.Cli/bin/Release/net10.0/backup-reconciler.dll
service_bin=${WINE_LANE_BIN:-}
if [ -z "$service_bin" ]; then
  service_bin=$lane/svc
  dotnet publish tests/BackupReconciler.Windows.Tests/BackupReconciler.Windows.Tests.csproj -c Release -r win-x64 --self-contained \
    -nologo -clp:ErrorsOnly -o "$service_bin" >"$lane/publish-svc.log" 2>&1 || { cat "$lane/publish-svc.log"; give_up "could not publish the test service program"; }
fi
say "published the win-x64 CLI ($cli_bin) and built the Linux CLI in $(($(date +%s) - started)) s"

# --- a fresh prefix, seeded --------------------------------------------------------------------------
started=$(date +%s)
wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
w() { winepath -w "$1" 2>/dev/null | tr -d '\r'; }
wine reg import "$(w "$repo/tests/wine-cli-lane/seed.reg")" >/dev/null 2>&1 || give_up "wine reg import of the seed failed"

svc_exe=$(w "$service_bin/BackupReconciler.Windows.Tests.exe")
wine sc create BRLaneSvc binpath= "\"$svc_exe\" service run" start= demand >"$lane/sc.log" 2>&1 \
  || { cat "$lane/sc.log"; give_up "wine sc create BRLaneSvc failed"; }

# The firewall store: every real rule string, and strings the parser cannot fully read. Value names are
# rule ids; .reg strings escape \ and ".
firewall_key='HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\FirewallRules'
{
  echo 'REGEDIT4'
  echo
  echo "[$firewall_key]"
  jq -rs 'to_entries[] | "\"{BRLane-\(.key + 1)}\"=\"\(.value.rule | gsub("\\\\"; "\\\\") | gsub("\""; "\\\""))\""' "$corpus"
  cat <<'EOF'
"{BRLane-NoActive-1}"="v2.33|Action=Allow|Dir=In|Protocol=6|LPort=135|Name=BRLane No Active|"
"{BRLane-NoActive-2}"="v2.10|Action=Block|Dir=Out|Protocol=17|RPort=53|App=C:\\Windows\\System32\\svchost.exe|Name=BRLane No Active UDP|"
"{BRLane-Unknown}"="v2.33|Action=Allow|Active=TRUE|Dir=In|Hologram=1|Name=BRLane Unknown Field|"
"{BRLane-Newer}"="v2.99|Action=Allow|Active=TRUE|Dir=In|Name=BRLane Newer Version|"
EOF
} >"$lane/firewall.reg"
wine reg import "$(w "$lane/firewall.reg")" >/dev/null 2>&1 || give_up "wine reg import of the firewall rules failed"
firewall_rules=$(($(grep -c '^"{BRLane' "$lane/firewall.reg")))
# One firewallRule resource per rule name, each ensure: absent: every rule must be seen.
jq -rs '[.[] | .fields.Name[0]] + ["BRLane No Active", "BRLane No Active UDP", "BRLane Unknown Field", "BRLane Newer Version"]
        | unique_by(ascii_downcase) | to_entries
        | { name: "wine-cli-lane-firewall", resources: map({ id: ("fw-" + (.key | tostring)), type: "firewallRule",
            properties: { name: .value, ensure: "absent" } }) }' "$corpus" >"$lane/firewall.json"
say "fresh prefix reporting Windows 10, seeded with values, BRLaneSvc and $firewall_rules firewall rule strings in $(($(date +%s) - started)) s"

# --- helpers -------------------------------------------------------------------------------------------
baseline=$(w "$repo/tests/wine-cli-lane/lane.json")
delayed=$(w "$repo/tests/wine-cli-lane/delayed.json")
firewall=$(w "$lane/firewall.json")
state='C:\BackupReconcilerLaneState'

# cli OUT ARGS...: the Windows CLI under Wine; the report to $lane/OUT, standard error to $lane/OUT.err; sets rc.
cli() {
  local out=$1
  shift
  timeout 300 wine "$cli_bin/backup-reconciler.exe" "$@" --state-dir "$state" 2>"$lane/$out.err" | tr -d '\r' >"$lane/$out"
  rc=${PIPESTATUS[0]}
}

# export NAME: both views of the test key, the service's key, and the service's state.
export_all() {
  wine reg export 'HKLM\SOFTWARE\BackupReconcilerLaneTest' "$(w "$lane")\\$1.64.reg" /y >/dev/null 2>&1
  wine reg export 'HKLM\SOFTWARE\WOW6432Node\BackupReconcilerLaneTest' "$(w "$lane")\\$1.32.reg" /y >/dev/null 2>&1
  wine reg export 'HKLM\SYSTEM\CurrentControlSet\Services\BRLaneSvc' "$(w "$lane")\\$1.svc.reg" /y >/dev/null 2>&1
  wine sc query BRLaneSvc 2>/dev/null | tr -d '\r' | grep -E '^\s*STATE' >"$lane/$1.state"
}

same_export() { cmp -s "$lane/$1.64.reg" "$lane/$2.64.reg" && cmp -s "$lane/$1.32.reg" "$lane/$2.32.reg" && cmp -s "$lane/$1.svc.reg" "$lane/$2.svc.reg" && cmp -s "$lane/$1.state" "$lane/$2.state"; }

# value_line EXPORT VIEW NAME: the value's logical line in a (UTF-16) reg export, continuations joined.
value_line() {
  iconv -f UTF-16 -t UTF-8 "$lane/$1.$2.reg" 2>/dev/null | tr -d '\r' \
    | awk -v name="\"$3\"=" '{ line = (cont ? line : "") $0; cont = sub(/\\$/, "", line); if (!cont) { if (index(line, name) == 1) print line; line = "" } }'
}

has_value() { [ -n "$(value_line "$1" "$2" "$3")" ]; }
same_value() { [ "$(value_line "$1" "$3" "$4")" = "$(value_line "$2" "$3" "$4")" ]; }

# diff_of REPORT RESOURCE PROPERTY: that difference as compact JSON, empty when there is none.
diff_of() { jq -c --arg r "$2" --arg p "$3" '.resources[] | select(.id == $r) | .differences[]? | select(.property == $p) | {actual, desired}' "$lane/$1" 2>/dev/null; }
has_diff() { [ -n "$(diff_of "$@")" ]; }
no_diff() { [ -z "$(diff_of "$@")" ] && jq -e --arg r "$2" '.resources[] | select(.id == $r)' "$lane/$1" >/dev/null 2>&1; }
status_of() { jq -r --arg r "$2" '.resources[] | select(.id == $r) | .status' "$lane/$1" 2>/dev/null; }
is_status() { [ "$(status_of "$1" "$2")" = "$3" ]; }
actual_kind_is() { [ "$(diff_of "$1" "$2" "$3" | jq -r '.actual.kind // empty')" = "$4" ]; }
rc_is() { [ "$rc" = "$1" ]; }
summary_is() { [ "$(jq -r ".summary.$2" "$lane/$1" 2>/dev/null)" = "$3" ]; }
normalised() { jq -S 'del(.runId, .startedAt, .durationMs)' "$lane/$1"; }
same_report() { [ "$(normalised "$1")" = "$(normalised "$2")" ]; }
changed_with() { has_diff apply.json "$1" "$2" && is_status apply.json "$1" changed; }
created_then_removed() { ! has_value before "$1" "$2" && has_value after-apply "$1" "$2" && ! has_value after-undo "$1" "$2"; }
same_diff() { has_diff plan-wine.json "$1" "$2" && [ "$(diff_of plan-wine.json "$1" "$2")" = "$(diff_of plan-linux.json "$1" "$2")" ]; }
error_says() { jq -e --arg r "$2" --arg text "$3" '.resources[] | select(.id == $r) | .error | test($text)' "$lane/$1" >/dev/null 2>&1; }
count_is() { [ "$(jq "$2" "$lane/$1" 2>/dev/null)" = "$3" ]; }

# --- the registry and service matrix ------------------------------------------------------------------
started=$(date +%s)
export_all before
check "the seed is in both views (the 32-bit one at WOW6432Node)" bash -c "[ -s '$lane/before.64.reg' ] && [ -s '$lane/before.32.reg' ]"
check "the test service is installed and stopped" grep -q STOPPED "$lane/before.state"

cli "plan.json" plan "$baseline" --output json
check "plan exits 2 (drift)" rc_is 2
export_all after-plan
check "plan leaves the registry export and the service byte-identical" same_export before after-plan

# Wine has no delayed auto-start: Windows' second call (ChangeServiceConfig2) fails, and the first must be taken back.
cli "delayed.json" apply "$delayed" --output json --detailed-exitcodes
check "automaticDelayed under Wine fails (exit 4)" rc_is 4
check "automaticDelayed under Wine says its start type was set back" error_says delayed.json delayed "set back to manual, so nothing was changed"
check "automaticDelayed under Wine reports 0 changed" summary_is delayed.json changed 0
export_all after-delayed
check "automaticDelayed under Wine leaves the service's start type as it was (Start=3)" same_export before after-delayed
delayed_run=$(jq -r '.runId' "$lane/delayed.json")
cli "undo-delayed.json" undo "$delayed_run" --output json
check "undo of the failed automaticDelayed run exits 0" rc_is 0
export_all after-undo-delayed
check "undo of the failed automaticDelayed run leaves the export byte-identical" same_export before after-undo-delayed

cli "apply.json" apply "$baseline" --output json --detailed-exitcodes
check "apply exits 2 (changed and verified)" rc_is 2
run_id=$(jq -r '.runId' "$lane/apply.json")
export_all after-apply

cli "test.json" test "$baseline" --output json
check "test after apply exits 0" rc_is 0

cli "apply2.json" apply "$baseline" --output json --detailed-exitcodes
check "a second apply exits 0" rc_is 0
check "a second apply changes nothing" summary_is apply2.json changed 0
export_all after-apply2
check "a second apply leaves the export byte-identical" same_export after-apply after-apply2

cli "undo.json" undo "$run_id" --output json
check "undo exits 0" rc_is 0
export_all after-undo
check "undo restores the registry export and the service byte-identically" same_export before after-undo

# snapshot under Wine, then plan on Linux against it: the same report as plan under Wine.
cli "snapshot.out" snapshot "$baseline" "$firewall" --out "$(w "$lane")\\capture.json"
check "snapshot under Wine exits 4: parts it cannot read (WMI) are left out" rc_is 4
check "snapshot under Wine writes the file all the same" test -s "$lane/capture.json"
check "snapshot under Wine logs each part it left out with the reason" grep -q "Not captured: volumes: " "$lane/snapshot.out.err"
cli "plan-wine.json" plan "$baseline" --output json
(cd "$lane" && dotnet "$linux_cli" plan "$repo/tests/wine-cli-lane/lane.json" --snapshot "$lane/capture.json" \
  --state-dir "$lane/linux-state" --output json >"$lane/plan-linux.json" 2>"$lane/plan-linux.err")
check "plan on Linux against the Wine snapshot gives the report plan gives under Wine" same_report plan-wine.json plan-linux.json

for view in 64 32; do
  id=reg$view
  for value in String ExpandString MultiString Binary DWord QWord KindChanged None BigEndian Numbered Legacy; do
    case $value in
      None) row="$id REG_NONE->dword" ;;
      BigEndian) row="$id REG_DWORD_BIG_ENDIAN->absent" ;;
      Numbered) row="$id type N->binary" ;;
      KindChanged) row="$id string->dword" ;;
      Legacy) row="$id string->absent" ;;
      *) row="$id $value" ;;
    esac
    rows+=("$row")
    case $value in
      None) mark "$row" plan actual_kind_is plan.json "$id" "$value" none ;;
      BigEndian) mark "$row" plan actual_kind_is plan.json "$id" "$value" dwordBigEndian ;;
      Numbered) mark "$row" plan actual_kind_is plan.json "$id" "$value" "type:$([ "$view" = 64 ] && echo 4660 || echo 2147483648)" ;;
      *) mark "$row" plan has_diff plan.json "$id" "$value" ;;
    esac
    mark "$row" apply changed_with "$id" "$value"
    mark "$row" test no_diff test.json "$id" "$value"
    mark "$row" apply2 no_diff apply2.json "$id" "$value"
    if has_value before "$view" "$value"; then
      mark "$row" undo same_value before after-undo "$view" "$value"
    else
      mark "$row" undo created_then_removed "$view" "$value"
    fi
    mark "$row" snapshot same_diff "$id" "$value"
  done
  for value in NoneUntouched BigEndianUntouched; do
    row="$id $([ $value = NoneUntouched ] && echo REG_NONE || echo REG_DWORD_BIG_ENDIAN) unnamed"
    rows+=("$row")
    for verb in plan apply test apply2 undo; do
      export=$(case $verb in plan) echo after-plan ;; apply|test) echo after-apply ;; apply2) echo after-apply2 ;; undo) echo after-undo ;; esac)
      mark "$row" "$verb" same_value before "$export" "$view" "$value"
    done
  done
done

rows+=("service startType" "service state")
mark "service startType" plan has_diff plan.json service startType
mark "service state" plan has_diff plan.json service state
for property in startType state; do
  mark "service $property" apply has_diff apply.json service "$property"
  mark "service $property" test no_diff test.json service "$property"
  mark "service $property" apply2 no_diff apply2.json service "$property"
  mark "service $property" snapshot same_diff service "$property"
done
mark "service startType" undo cmp -s "$lane/before.svc.reg" "$lane/after-undo.svc.reg"
mark "service state" undo eval "grep -q RUNNING '$lane/after-apply.state' && cmp -s '$lane/before.state' '$lane/after-undo.state'"
say "the registry and service matrix ran in $(($(date +%s) - started)) s"

# --- the firewall store: no rule lost by name ---------------------------------------------------------
started=$(date +%s)
wine reg export "$firewall_key" "$(w "$lane")\\firewall-export.reg" /y >/dev/null 2>&1
iconv -f UTF-16 -t UTF-8 "$lane/firewall-export.reg" 2>/dev/null | tr -d '\r' | grep '^"{BRLane' | sort >"$lane/firewall-stored"
check "the rule store holds the $firewall_rules rule strings exactly as written" bash -c "grep '^\"{BRLane' '$lane/firewall.reg' | sort | cmp -s - '$lane/firewall-stored'"
cli "firewall-plan.json" plan "$firewall" --output json
check "plan of the firewall names exits 2 (every name has a rule to remove)" rc_is 2
check "no firewall rule name reads as absent (none compliant)" count_is firewall-plan.json '[.resources[] | select(.status == "compliant")] | length' 0
check "no firewall rule name fails (ensure: absent sees even rules it cannot fully read)" count_is firewall-plan.json '[.resources[] | select(.status == "failed")] | length' 0
found=$(jq '[.resources[].differences[]? | .actual | if type == "array" then length else 1 end] | add // 0' "$lane/firewall-plan.json")
check "every one of the $firewall_rules rule strings is found by its name ($found found)" test "$found" = "$firewall_rules"
check "the rules without Active=, with an unknown field or a newer version are found as not fully read" count_is firewall-plan.json \
  '[.resources[].differences[]? | .actual | if type == "array" then .[] else . end | select(.unreadable != null) | .name | select(startswith("BRLane"))] | length' 4
jq '{ name, resources: [.resources[] | select(.properties.name | startswith("BRLane")) | .properties.enabled = true | del(.properties.ensure)] }' \
  "$lane/firewall.json" >"$lane/firewall-present.json"
cli "firewall-present.json.out" plan "$(w "$lane/firewall-present.json")" --output json
check "a rule that cannot be fully read fails any other comparison with the reason, and no second rule is planned" count_is firewall-present.json.out \
  '[.resources[] | select(.status == "failed" and (.error | test("exists but cannot be compared")))] | length' 4
say "the firewall store checks ran in $(($(date +%s) - started)) s"

finish
