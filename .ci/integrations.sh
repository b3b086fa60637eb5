#!/usr/bin/env bash
# The fleet integrations, each run for real against the Linux build: Ansible (Debian's ansible-core) on
# localhost, the Intune and ConfigMgr scripts under PowerShell 7.6.9 with Pester 6.2.0, and the fleet
# report on a generated fleet of 500 hosts opened in headless Chromium. Installs what is missing
# (apt-get, the PowerShell dotnet tool, Pester's NuGet package). Closing line: "integrations: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { # check NAME COMMAND... : one counted result
  local name=$1; shift
  if "$@" >"$work/last.log" 2>&1; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; tail -n 30 "$work/last.log" | sed 's/^/     /'; fi
}

bin=src/BackupReconciler.Cli/bin/Release/net10.0
[ -x "$bin/backup-reconciler" ] || dotnet build src/BackupReconciler.Cli -c Release -nologo -clp:ErrorsOnly
exe=$PWD/$bin/backup-reconciler

missing=()
command -v ansible-playbook >/dev/null || missing+=(ansible-core)
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Ansible -----------------------------------------------------------------------------------------
# ansible.windows (for the Windows playbook's syntax check) from Debian's ansible package, unpacked only.
collections=$work/collections
( cd "$work" && apt-get download ansible >/dev/null 2>&1 && dpkg-deb --fsys-tarfile ansible_*.deb \
    | tar -x --wildcards './usr/lib/python3/dist-packages/ansible_collections/ansible/windows/*' ) \
  && mkdir -p "$collections" && mv "$work/usr/lib/python3/dist-packages/ansible_collections" "$collections/"
export ANSIBLE_ROLES_PATH=$PWD/integrations/ansible/roles ANSIBLE_COLLECTIONS_PATH=$collections ANSIBLE_NOCOLOR=1 \
       ANSIBLE_LOCALHOST_WARNING=0 ANSIBLE_INVENTORY_UNPARSED_WARNING=0 ANSIBLE_RETRY_FILES_ENABLED=0
host=$work/ansible-host
mkdir -p "$host"
cp samples/dpm-server.drifted.json "$host/drifted.json"
cp samples/dpm-server.compliant.json "$host/compliant.json"
play() { # play SNAPSHOT [ansible-playbook options]: runs the role on localhost, recap in $work/play.log
  local snapshot=$1; shift
  ansible-playbook -i localhost, tests/integrations/ansible/localhost.yml "$@" \
    -e "backup_reconciler_dir=$host/tool backup_reconciler_exe_src=$work/tool.tar.gz backup_reconciler_baselines_src=$PWD/baselines/ backup_reconciler_baseline=dpm-server.json" \
    -e "backup_reconciler_vars=$PWD/samples/dpm-server.vars.json backup_reconciler_snapshot=$host/$snapshot" >"$work/play.log" 2>&1
}
recap() { grep -E '^localhost +:' "$work/play.log"; }
mkdir -p "$host/tool"
tar -czf "$work/tool.tar.gz" -C "$bin" .
changed() { recap | grep -Eq 'changed=[1-9]'; }
no_failure() { recap | grep -q 'failed=0'; }
show() { cat "$work/play.log"; false; }
# The run task's own result: the first non-empty line after its TASK header (ok, changed, skipping or fatal).
run_result() { awk '/^TASK \[.*Run backup-reconciler/ { t = 1; next } t && NF { print; exit }' "$work/play.log"; }
run_changed() { run_result | grep -q '^changed:'; }
first_apply() { play compliant.json && no_failure && run_result | grep -q '^ok:' || show; }
sum_before=$(sha256sum <"$host/drifted.json")
check_on_drift() {
  play drifted.json --check --diff && changed && no_failure && [ "$(sha256sum <"$host/drifted.json")" = "$sum_before" ] \
    && grep -q '"msg": "sql-agent-running (drifted) startType: \\"manual\\" -> \\"automatic\\""' "$work/play.log" \
    && grep -q '"msg": "sql-agent-event-208 (manual) events: .* (manual: left to a person)"' "$work/play.log" || show
}
apply_on_drift() { play drifted.json && changed && no_failure && [ "$(sha256sum <"$host/drifted.json")" != "$sum_before" ] || show; }
second_apply() { play drifted.json -v && recap | grep -q 'changed=0' && no_failure && grep -q '"total":' "$work/play.log" || show; }
fault_fails() { ! play faulted.json && recap | grep -Eq 'failed=[1-9]' || show; }
check "ansible: first apply on a compliant snapshot installs the tool and changes nothing on the host" first_apply
check "ansible: check mode on drift reports changed, --diff each differing property, and leaves the snapshot byte-identical" check_on_drift
check "ansible: apply on drift reports changed" apply_on_drift
check "ansible: a second apply reports ok (changed=0) and the facts hold the JSON report" second_apply
python3 - "$host/drifted.json" "$host/faulted.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); s.setdefault("faults", []).append({"operation": "read", "target": "registry:HKLM\\SOFTWARE\\Microsoft\\Microsoft Data Protection Manager\\Agent", "message": "Access is denied."})
json.dump(s, open(sys.argv[2], "w"), indent=2)
PY
check "ansible: an injected fault fails the task" fault_fails
# A restart the first apply defers (a DPM job runs) is done by a later apply once the job is over: check mode says
# that apply would change something, the apply that restarts reports changed, the next one ok.
restart_host=$work/ansible-restart
mkdir -p "$restart_host/tool"
python3 - samples/dpm-protected-server.drifted.json "$restart_host/s.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); s["backupActivity"] = {"running": [{"kind": "sqlAgentJob", "name": "00890b12", "detail": "MSDPM2012"}]}
json.dump(s, open(sys.argv[2], "w"), indent=2)
PY
play_restart() { # play_restart [ansible-playbook options]
  ansible-playbook -i localhost, tests/integrations/ansible/localhost.yml "$@" \
    -e "backup_reconciler_dir=$restart_host/tool backup_reconciler_exe_src=$work/tool.tar.gz backup_reconciler_baselines_src=$PWD/baselines/" \
    -e "backup_reconciler_baseline=dpm-protected-server.json backup_reconciler_snapshot=$restart_host/s.json" >"$work/play.log" 2>&1
}
restart_later() {
  play_restart && run_changed && no_failure || { show; return 1; }
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); del s["backupActivity"]; json.dump(s, open(sys.argv[1], "w"))' "$restart_host/s.json"
  play_restart --check && run_changed && no_failure || { show; return 1; }
  play_restart -v && run_changed && no_failure && grep -q 'restarted' "$work/play.log" || { show; return 1; }
  play_restart && ! run_changed && no_failure || show
}
check "ansible: a deferred restart is changed in check mode and in the apply that does it, ok after" restart_later
# A tool whose exit code the role does not know fails the task, even with a report on stdout and a code equal
# to a documented one modulo 8 (16 is 0, 130 is 2: what a crash or a signal gives).
odd_host=$work/ansible-odd
mkdir -p "$odd_host/tool" "$work/odd-tool"
"$exe" test baselines/dpm-server.json --snapshot samples/dpm-server.compliant.json --vars samples/dpm-server.vars.json --output json --state-dir "$work/odd-state" >"$work/odd-tool/report.json"
odd_fails() { # odd_fails CODE
  printf '#!/bin/sh\ncat "$(dirname "$0")/report.json"\nexit %s\n' "$1" >"$work/odd-tool/backup-reconciler"
  chmod +x "$work/odd-tool/backup-reconciler"
  tar -czf "$work/odd-tool.tar.gz" -C "$work/odd-tool" .
  ! ansible-playbook -i localhost, tests/integrations/ansible/localhost.yml \
    -e "backup_reconciler_dir=$odd_host/tool backup_reconciler_exe_src=$work/odd-tool.tar.gz backup_reconciler_baselines_src=$PWD/baselines/ backup_reconciler_baseline=dpm-server.json" \
    >"$work/play.log" 2>&1 && recap | grep -Eq 'failed=[1-9]' || show
}
for code in 16 130 3; do check "ansible: exit $code, not a code the tool documents, fails the task" odd_fails "$code"; done
check "ansible: the Windows playbook passes --syntax-check" \
  ansible-playbook -i integrations/ansible/inventory.ini integrations/ansible/site.yml --syntax-check

# --- Intune and ConfigMgr: PowerShell 7.6.9 + Pester 6.2.0 -------------------------------------------
tools=${BR_TOOLS:-$HOME/.cache/backup-reconciler-ci}
pwsh=$tools/pwsh/pwsh
[ -x "$pwsh" ] || dotnet tool install --tool-path "$tools/pwsh" PowerShell --version 7.6.9 >/dev/null
if [ ! -f "$tools/modules/Pester/6.2.0/Pester.psd1" ]; then
  # Pester is a NuGet package on the feed: restore it with a throwaway project, then lay its module out for PSModulePath.
  mkdir -p "$work/pester"
  printf '%s\n' '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework>' \
    '<ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>' \
    '<ItemGroup><PackageDownload Include="Pester" Version="[6.2.0]" /></ItemGroup></Project>' >"$work/pester/pester.csproj"
  dotnet restore "$work/pester/pester.csproj" --packages "$work/pester/packages" >/dev/null
  mkdir -p "$tools/modules/Pester" && cp -r "$work/pester/packages/pester/6.2.0/tools" "$tools/modules/Pester/6.2.0"
fi
export BR_EXE=$exe BR_PWSH=$pwsh
PSModulePath=$tools/modules "$pwsh" -NoProfile -NonInteractive -Command '
  Import-Module Pester -RequiredVersion 6.2.0
  $c = New-PesterConfiguration; $c.Run.Path = "tests/integrations/IntuneConfigMgr.Tests.ps1"; $c.Run.PassThru = $true; $c.Output.Verbosity = "Normal"
  $r = Invoke-Pester -Configuration $c
  "pester: $($r.PassedCount) passed, $($r.FailedCount) failed" | Set-Content -LiteralPath "'"$work/pester.count"'"
  foreach ($t in $r.Failed) { Write-Host "FAIL $($t.ExpandedPath)" }' 2>&1 | tail -n 40
if [ -f "$work/pester.count" ]; then
  read -r _ p _ f _ <"$work/pester.count"; passed=$((passed + p)); failed=$((failed + f)); cat "$work/pester.count"
else failed=$((failed + 1)); echo "FAIL pester did not run"; fi

# --- Fleet report: 500 generated hosts, HTML in headless Chromium -----------------------------------
fleet=$work/fleet
node tests/integrations/fleet/generate-fleet.mjs "$exe" "$fleet" 500 >"$work/expected.json"
fleet_json() { "$exe" report "$fleet" --output json --out "$work/fleet.json" --stale-after 30d; [ $? -eq 6 ] && node tests/integrations/fleet/check-fleet.mjs "$work/expected.json" "$work/fleet.json"; }
fleet_text() {
  "$exe" report "$fleet" --stale-after 30d >"$work/fleet.txt"; "$exe" report "$fleet" --output markdown --stale-after 30d >"$work/fleet.md"
  grep -q '^role dpm-server' "$work/fleet.txt" && grep -q '^## Hosts' "$work/fleet.md"
}
chrome() { chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$(mktemp -d -p "$work")" --enable-logging=stderr --v=0 "$@"; }
fleet_dom() {
  chrome --dump-dom "file://$work/fleet.html" >"$work/dom.html" 2>"$work/chrome.err"
  node tests/integrations/fleet/check-dom.mjs "$work/expected.json" "$work/dom.html" && ! grep -Ei 'Content Security Policy|Refused to' "$work/chrome.err"
}
fleet_png() { chrome --screenshot="$work/fleet.png" --window-size=1280,900 "file://$work/fleet.html" 2>/dev/null; [ -s "$work/fleet.png" ]; }
check "fleet: 500 hosts counted as generated, damaged and other-version files listed" fleet_json
check "fleet: text and Markdown views" fleet_text
"$exe" report "$fleet" --output html --out "$work/fleet.html" --stale-after 30d
check "fleet: the HTML renders in headless Chromium with every host and no blocked or external load" fleet_dom
check "fleet: a screenshot of the HTML is taken" fleet_png
if [ -n "${BR_KEEP:-}" ]; then cp "$work/fleet.html" "$work/fleet.png" "$BR_KEEP"/; fi

# --- Drift history: journals of real apply runs, the HTML page in headless Chromium -------------------
# Three applies of the DPM sample, a "Group Policy" setting the SQL Agent's start type back between them:
# that setting is fought over (3 runs), the rest corrected once. A 1-minute window spreads the marks.
hist=$work/history
mkdir -p "$hist"
cp samples/dpm-server.drifted.json "$hist/dpm.json"
history_runs() {
  for i in 1 2 3; do
    "$exe" apply baselines/dpm-server.json --snapshot "$hist/dpm.json" --vars samples/dpm-server.vars.json --state-dir "$hist/state" >/dev/null || return 1
    python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); s["services"]["SQLAgent$MSDPM2012"]["startType"]="manual"; json.dump(s, open(sys.argv[1], "w"))' "$hist/dpm.json"
    sleep 4
  done
  "$exe" history --since 1m --state-dir "$hist/state" --output json --out "$work/history.json" \
    && "$exe" history --since 1m --state-dir "$hist/state" --output html --out "$work/history.html" \
    && grep -q '"foughtOver": 1,' "$work/history.json"
}
history_dom() {
  chrome --dump-dom "file://$work/history.html" >"$work/history-dom.html" 2>"$work/history-chrome.err"
  node tests/integrations/history/check-history.mjs dom "$work/history.json" "$work/history-dom.html" && ! grep -Ei 'Content Security Policy|Refused to' "$work/history-chrome.err"
}
history_png() {
  chrome --screenshot="$work/history.png" --window-size=1400,1000 "file://$work/history.html" 2>/dev/null
  node tests/integrations/history/check-history.mjs png "$work/history.png" 3
}
check "history: three applies with the agent's start type set back between them; one setting fought over" history_runs
check "history: the HTML renders in headless Chromium with every setting, its count and a mark per correction" history_dom
check "history: the screenshot shows the fought-over setting's three corrections in red" history_png
if [ -n "${BR_KEEP:-}" ]; then cp "$work/history.html" "$work/history.png" "$BR_KEEP"/; fi

echo "integrations: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
