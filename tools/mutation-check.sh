#!/usr/bin/env bash
# tools/mutation-check.sh [ID...]: the mutation check, by hand (CI does not run it; it takes about
# 30 minutes). For each mutation below — one deliberately broken behaviour of a resource type's
# Compare (and of the account names and sets they use) — it changes that one line in a temporary
# copy of the repository, builds, runs tests/BackupReconciler.Tests, and reports whether some test
# failed (caught) or none did (missed: a behaviour no test protects). A mutation whose text is not
# found fails the check, so the list cannot silently go stale. The repository itself is never touched.
# Prints one line per mutation and a closing "mutations: N caught, M missed"; exits 1 when any is missed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# (Warnings are errors: a mutation says "never" with a condition the compiler cannot fold, not with false.)
# id ^ file under src/BackupReconciler/ ^ exact text ^ its replacement ^ the behaviour broken ^ the test classes to
# run first (|-separated; the whole suite runs when none of them fails). ^ separates: no C# here uses it.
mutations=$(cat <<'LIST'
registry-atLeast ^ Resources/Registry/RegistryResource.cs ^ spec.AtLeast ? current.Number < spec.Desired.Number ^ spec.AtLeast ? false ^ a value below its atLeast minimum is not drift ^ RegistryResourceTests
registry-kind ^ Resources/Registry/RegistryResource.cs ^ else if (current.Kind != spec.Desired.Kind) ^ else if (current.Kind != spec.Desired.Kind && spec.Name.Length < 0) ^ a value of another kind with equal-looking data is not drift ^ RegistryResourceTests
service-state ^ Resources/Service/ServiceResource.cs ^ if (State is { } state && state != service.State) ^ if (State is { } state && false) ^ a stopped service that must run is not drift ^ ServiceResourceTests
service-system-alias ^ Host/AccountName.cs ^ ["SYSTEM"] = System, ^ ["SYSTEMX"] = System, ^ the SYSTEM account alias is dropped ^ ServiceResourceTests|WellKnownAccountsTests
firewallRule-absent ^ Resources/Firewall/FirewallRuleResource.cs ^ 1 => [new Difference(WholeRule, rules[0].ToJson(), null)], ^ 1 => [], ^ an existing rule that must be absent is not drift ^ Resources.FirewallRuleTests
firewallRule-settings ^ Resources/Firewall/FirewallRuleResource.cs ^ .Where(member => !rule.SameAs(target, member)) ^ .Where(member => member == FirewallRuleMembers.Enabled && !rule.SameAs(target, member)) ^ only enabled is compared; other stated settings never drift ^ Resources.FirewallRuleTests
shadowStorage-unbounded ^ Resources/ShadowStorage/ShadowStorageResource.cs ^ actual.Exists && (actual.MaxSizeBytes is null || (desired ^ actual.Exists && ((desired ^ an unbounded limit no longer satisfies a bounded one ^ ShadowStorageTests
antivirusExclusion-missing ^ Resources/Antivirus/AntivirusExclusionResource.cs ^ .Where(l => l.Missing.Count > 0) ^ .Where(l => l.Missing.Count > 1) ^ one missing exclusion is not drift ^ AntivirusExclusionTests
sqlAgentAccount-case ^ Resources/SqlAgentAccount/SqlAgentAccountResource.cs ^ else if (!AccountName.AreSame(current.Text!, actual.AgentAccount, host.ComputerName)) ^ else if (!string.Equals(current.Text!, actual.AgentAccount, StringComparison.Ordinal)) ^ the account value compares case-sensitively, without normalising ^ SqlAgentAccountTests
sqlAgentJobs-enabled ^ Resources/SqlAgentJobs/SqlAgentJobsResource.cs ^ .Where(j => j.Job.Enabled != Enabled) ^ .Where(j => j.Job.Enabled && !Enabled) ^ a disabled DPM job that must be enabled is not drift ^ SqlAgentJobsTests
sqlLogin-missing ^ Resources/SqlLogin/SqlLoginResource.cs ^ if (actual.Login is null) ^ if (actual.Login is null && Login.Length < 0) ^ a missing login is not drift ^ SqlLoginTests
scheduledTask-enabled ^ Resources/ScheduledTask/ScheduledTaskResource.cs ^ enabled != task.Enabled ^ enabled && !task.Enabled ^ a task enabled that must be disabled is not drift ^ ScheduledTaskResourceTests
jsonFile-value ^ Resources/JsonFile/JsonFileResource.cs ^ if (current is null || !JToken.DeepEquals(current, desired)) ^ if (current is null) ^ a key with another value is not drift ^ JsonFileTests
hostsEntry-all ^ Resources/HostsEntry/HostsEntryResource.cs ^ actual.Addresses.All(a => HostsFile.SameAddress(a, Address)) ^ actual.Addresses.Any(a => HostsFile.SameAddress(a, Address)) ^ a second, wrong line for the name is not drift ^ HostsEntryTests
tempFiles-count ^ Resources/TempFiles/TempFilesResource.cs ^ if (actual.Count <= MaxCount) ^ if (actual.Count <= MaxCount + 1) ^ one file over maxCount is not drift ^ TempFilesTests
freeSpace-threshold ^ Resources/FreeSpace/FreeSpaceResource.cs ^ if (freePercent >= MinimumFreePercent) ^ if (freePercent + 1 >= MinimumFreePercent) ^ free space just below the minimum is not drift ^ FreeSpaceTests
pathList-normalise ^ Resources/PathList/PathListResource.cs ^ !entries.Any(entry => WindowsPath.AreSame(entry, wanted, host.Facts)) ^ !entries.Any(entry => string.Equals(entry, wanted, StringComparison.Ordinal)) ^ entries compare as raw text (case, trailing backslash, %Variables%) ^ PathListTests
windowsFeature-installed ^ Resources/WindowsFeature/WindowsFeatureResource.cs ^ actual.Installed == Installed ? [] ^ actual.Installed || !Installed ? [] ^ an installed feature that must be removed is not drift ^ WindowsFeatureResourceTests
fileAccess-inherit ^ Resources/FileAccess/FileAccessResource.cs ^ r.Rights >= Rights && (!inherit || r.Inherit) ^ r.Rights >= Rights ^ a rule that does not inherit satisfies one that must ^ Resources.FileAccessTests
userRight-principal ^ Resources/UserRight/UserRightResource.cs ^ !actual.Holders.Any(holder => PrincipalName.AreSame(holder, identity, host.ComputerName)) ^ !actual.Holders.Any(holder => string.Equals(holder, identity, StringComparison.OrdinalIgnoreCase)) ^ holders compare as raw names (BUILTIN\\Administrators is not Administrators) ^ UserRightResourceTests
eventLogQuiet-one ^ Resources/EventLogQuiet/EventLogQuietResource.cs ^ if (actual.Events.Count == 0) ^ if (actual.Events.Count <= 1) ^ a single matching event is not reported ^ EventLogQuietResourceTests
portSet-merge ^ Host/Firewall/PortSet.cs ^ && _covered.SequenceEqual(other._covered) ^ && Ranges.SequenceEqual(other.Ranges) ^ port sets compare as written, not by the ports they cover ^ PortSetTests|SetExpansionTests
addressSet-mask ^ Host/Firewall/AddressSet.cs ^ range = new AddressRange(family, address & ~hostBits, (address & ~hostBits) | hostBits); ^ range = new AddressRange(family, address, address | hostBits); ^ a subnet written with host bits set is not its network ^ AddressSetTests|SetExpansionTests|FirewallRuleCorpusMappingTests
LIST
)

work=$(mktemp -d "${TMPDIR:-/tmp}/mutation-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "mutation check: copying the working tree to $work"
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - 2>/dev/null) | (cd "$work" && tar -xf -)
cd "$work"
build_all() { dotnet build tests/BackupReconciler.Tests -c Release -nologo -clp:ErrorsOnly -nodeReuse:false >"$work/build.log" 2>&1; }
# A mutation changes method bodies of the core library only: build that one project and put the
# new assembly wherever the first build copied the old one (the test project's and the CLI's
# folders), rather than rebuilding every project that references it.
build() {
  dotnet build src/BackupReconciler/BackupReconciler.csproj -c Release -nologo -clp:ErrorsOnly -nodeReuse:false --no-restore --no-dependencies >"$work/build.log" 2>&1 || return 1
  find src tests -path '*/bin/Release/*' -name BackupReconciler.dll ! -path 'src/BackupReconciler/bin/*' -exec cp src/BackupReconciler/bin/Release/net10.0/BackupReconciler.dll {} \;
}
# run_tests [FILTER]: the focused test classes (FullyQualifiedName~A|FullyQualifiedName~B), or the whole suite.
run_tests() {
  local filter=()
  [ -n "${1:-}" ] && filter=(--filter "$(echo "$1" | sed -E 's/([^|]+)/FullyQualifiedName~\1/g')")
  dotnet test tests/BackupReconciler.Tests -c Release --no-build -nologo "${filter[@]}" >"$work/test.log" 2>&1
}

echo "mutation check: building and testing the unchanged copy first"
build_all || { cat "$work/build.log"; echo "mutation check: the unchanged copy does not build"; exit 1; }
# The focused classes of every mutation, unchanged: a failure here would make every catch meaningless.
all_focus=$(echo "$mutations" | awk -F' \\^ ' '{ print $6 }' | tr '|' '\n' | sort -u | paste -sd '|')
run_tests "$all_focus" || { grep -E '^\s+Failed ' "$work/test.log" | head; echo "mutation check: the unchanged copy's tests fail; fix them first"; exit 1; }

caught=0 missed=0 broken=0
while IFS='^' read -r id file from to what focus; do
  id=$(echo "$id" | xargs) file=$(echo "$file" | xargs) from=${from# } from=${from% } to=${to# } to=${to% } what=${what# } what=${what% } focus=$(echo "$focus" | xargs)
  [ -n "$id" ] || continue
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$id"; then continue; fi
  path="src/BackupReconciler/$file"
  cp "$path" "$work/original"
  if ! FROM="$from" TO="$to" python3 - "$path" <<'PY'
import os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8-sig").read()
if text.count(os.environ["FROM"]) != 1:
    sys.exit(1)
open(path, "w", encoding="utf-8").write(text.replace(os.environ["FROM"], os.environ["TO"]))
PY
  then
    echo "BROKEN $id: the text to change is not in $path exactly once; update the list"
    broken=$((broken + 1))
    continue
  fi
  if ! build; then
    echo "BROKEN $id: the mutated copy does not build: $(grep -m1 -E 'error' "$work/build.log")"
    broken=$((broken + 1))
  elif run_tests "$focus" && run_tests; then
    echo "MISSED $id ($what): every test still passes"
    missed=$((missed + 1))
  else
    failing=$(grep -E '^\s+Failed [A-Za-z]' "$work/test.log" | sed -E 's/^\s+Failed ([^ []+).*/\1/; s/^BackupReconciler\.Tests\.//' | sort -u)
    echo "CAUGHT $id ($what): $(echo "$failing" | wc -l) tests failed: $(echo "$failing" | head -3 | paste -sd ' ')"
    caught=$((caught + 1))
  fi
  cp "$work/original" "$path"  # the next mutation's build compiles the restored file with its own change only
done <<<"$mutations"

echo "mutations: $caught caught, $missed missed, $broken broken"
[ "$missed" -eq 0 ] && [ "$broken" -eq 0 ]
