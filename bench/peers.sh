#!/usr/bin/env bash
# The peer comparison: the same dry run by this tool (plan), Ansible (ansible-playbook --check, local
# connection) and Puppet (puppet apply --noop), on the same work, from the same drifted state each time:
#   N hosts-file lines, N JSON settings files (one key each), N temp folders to clean (*.tmp older than a day,
#   keep none) — N = 1 and N = 100 (per kind). Not in CI.
#   bench/peers.sh [RUNS]     (default 7; medians of process cpu and wall, with ratios tool/peer; SIZES="1 100")
# Needs Debian's ansible-core and puppet (apt-get install ansible-core puppet). Puppet has no built-in
# line-in-file type (host and file_line are modules Debian does not ship with it), so its hosts lines are one
# file resource with the whole desired file: less work than line editing, which favours Puppet.
# AOT=path picks the CLI build to compare (default: the Native AOT build in dist/, else the JIT build).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs=${1:-7}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ANSIBLE_NOCOLOR=1 ANSIBLE_LOCALHOST_WARNING=False \
  ANSIBLE_INVENTORY_UNPARSED_WARNING=False ANSIBLE_RETRY_FILES_ENABLED=False
for tool in ansible-playbook puppet python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "peers: $tool is missing (apt-get install ansible-core puppet)" >&2; exit 1; }
done
version=$(dotnet msbuild src/BackupReconciler.Cli -nologo -getProperty:Version)
cli=${AOT:-dist/backup-reconciler-$version-linux-x64}
if [ ! -x "$cli" ]; then
  dotnet build src/BackupReconciler.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
  cli=src/BackupReconciler.Cli/bin/Release/net10.0/backup-reconciler
fi
cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
work=$(mktemp -d "${TMPDIR:-/tmp}/peers.XXXXXX")
trap 'rm -rf "$work"' EXIT

# make_state N DIR: the drifted files, as a Windows tree under DIR/root (this tool's fileSystemRoot) — the
# same files the peers work on through DIR/root/C/...
make_state() {
  local n=$1 dir=$2 root=$2/root/C
  rm -rf "$dir/root"
  mkdir -p "$root/Windows/System32/drivers/etc" "$root/ProgramData/Bench"
  printf '127.0.0.1 localhost\n' >"$root/Windows/System32/drivers/etc/hosts"
  for i in $(seq 1 "$n"); do
    printf '{\n  "timeoutSeconds": 30,\n  "other": true\n}\n' >"$root/ProgramData/Bench/settings$i.json"
    mkdir -p "$root/Temp$i"
    for f in 1 2 3; do touch -d '3 days ago' "$root/Temp$i/old$f.tmp"; done
    touch "$root/Temp$i/new.tmp"
  done
}

setup() { # N DIR: the three tools' inputs for N per kind
  local n=$1 dir=$2
  mkdir -p "$dir"
  make_state "$n" "$dir"
  python3 - "$n" "$dir" <<'EOF'
import json, os, sys
n, d = int(sys.argv[1]), sys.argv[2]
root = os.path.join(d, "root", "C")
res = []
for i in range(1, n + 1):
    res.append({"id": f"host{i}", "type": "hostsEntry", "properties": {"hostname": f"backup{i}.contoso.com", "address": f"10.1.{i // 250}.{i % 250 + 1}"}})
    res.append({"id": f"json{i}", "type": "jsonFile", "properties": {"path": f"C:\\ProgramData\\Bench\\settings{i}.json", "set": {"timeoutSeconds": 600}}})
    res.append({"id": f"temp{i}", "type": "tempFiles", "properties": {"directory": f"C:\\Temp{i}", "pattern": "*.tmp", "maxCount": 0, "minAge": "1d"}})
json.dump({"name": "peers", "resources": res}, open(os.path.join(d, "baseline.json"), "w"))
json.dump({"snapshotVersion": 1, "computerName": "PEER01", "capturedAt": "2026-11-22T10:00:00Z", "facts": {},
           "fileSystemRoot": "root"}, open(os.path.join(d, "snapshot.json"), "w"))
hosts = "127.0.0.1 localhost\n" + "".join(f"10.1.{i // 250}.{i % 250 + 1} backup{i}.contoso.com\n" for i in range(1, n + 1))
with open(os.path.join(d, "site.yml"), "w") as f:
    f.write("- hosts: localhost\n  connection: local\n  gather_facts: false\n  tasks:\n")
    f.write(f"    - lineinfile: {{ path: {root}/Windows/System32/drivers/etc/hosts, line: '{{{{ item }}}}' }}\n")
    f.write(f"      loop: {json.dumps([l for l in hosts.splitlines()[1:]])}\n")
    f.write(f"    - copy: {{ dest: '{root}/ProgramData/Bench/settings{{{{ item }}}}.json', content: '{{{{ {{\"timeoutSeconds\": 600, \"other\": true}} | to_nice_json }}}}' }}\n")
    f.write(f"      loop: {list(range(1, n + 1))}\n")
    f.write(f"    - find: {{ paths: {json.dumps([f'{root}/Temp{i}' for i in range(1, n + 1)])}, patterns: '*.tmp', age: 1d }}\n")
    f.write("      register: old\n")
    f.write("    - file: { path: '{{ item.path }}', state: absent }\n      loop: '{{ old.files }}'\n")
with open(os.path.join(d, "site.pp"), "w") as f:
    f.write(f"file {{ '{root}/Windows/System32/drivers/etc/hosts': content => {json.dumps(hosts)} }}\n")
    for i in range(1, n + 1):
        f.write(f"file {{ '{root}/ProgramData/Bench/settings{i}.json': content => {json.dumps(json.dumps({'timeoutSeconds': 600, 'other': True}, indent=2) + chr(10))} }}\n")
        f.write(f"tidy {{ '{root}/Temp{i}': matches => ['*.tmp'], age => '1d', recurse => 1 }}\n")
EOF
}

echo "peers: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, medians; cli: $cli"
printf '%-6s %-22s %-22s %-22s %s\n' "N" "backup-reconciler" "ansible --check" "puppet --noop" "ratios (cpu; wall)"
for n in ${SIZES:-1 100}; do
  dir=$work/n$n
  setup "$n" "$dir"
  # Each tool once by hand first: all three must find the drift (a dry run that finds nothing proves nothing).
  (cd "$dir" && "$cli" plan baseline.json --snapshot snapshot.json --state-dir "$dir/state" >"$dir/tool.out" 2>&1) && { echo "peers: plan found no drift" >&2; exit 1; } || true
  grep -qE "[1-9][0-9]* drifted" "$dir/tool.out" || { cat "$dir/tool.out" >&2; exit 1; }
  ansible-playbook -i localhost, --check "$dir/site.yml" >"$dir/ansible.out" 2>&1 || { cat "$dir/ansible.out" >&2; exit 1; }
  grep -qE "changed=[1-9]" "$dir/ansible.out" || { cat "$dir/ansible.out" >&2; exit 1; }
  HOME=$dir puppet apply --noop "$dir/site.pp" >"$dir/puppet.out" 2>&1 || { cat "$dir/puppet.out" >&2; exit 1; }
  grep -q "(noop)" "$dir/puppet.out" || { echo "peers: puppet found no drift" >&2; cat "$dir/puppet.out" >&2; exit 1; }
  make_state "$n" "$dir"
  read -r tc tw _ < <(cd "$dir" && python3 "$repo/bench/proc-time.py" "$runs" "$cli" plan baseline.json --snapshot snapshot.json --state-dir "$dir/state")
  read -r ac aw _ < <(python3 bench/proc-time.py "$runs" ansible-playbook -i localhost, --check "$dir/site.yml")
  read -r pc pw _ < <(HOME=$dir python3 bench/proc-time.py "$runs" puppet apply --noop "$dir/site.pp")
  r() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
  printf '%-6s %-22s %-22s %-22s %s\n' "$n" "${tc}/${tw} ms" "${ac}/${aw} ms" "${pc}/${pw} ms" \
    "vs ansible $(r "$tc" "$ac")× ($(r "$tw" "$aw")×), vs puppet $(r "$tc" "$pc")× ($(r "$tw" "$pw")×)"
done
echo "(cpu/wall ms per dry run; the dry runs leave the drifted state as it was, so each run starts from it)"
