using BackupReconciler.Snapshot;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Support;

/// <summary>
/// What a snapshot's host holds, not how the file spells it: defaults written out, sets and values in
/// one order, keys left empty by undo dropped. Two snapshots of the same host state compare equal.
/// </summary>
public static class HostState
{
    public static JObject Of(string snapshot)
    {
        var json = SnapshotHost.Load(snapshot).Canonical();
        json.Remove("faults");
        if (json["firewallRules"] is JArray rules)
        {
            foreach (var rule in rules)
            {
                foreach (var member in new[] { "localPorts", "remotePorts", "remoteAddresses", "profiles" })
                {
                    // Untouched rules keep their spelling ("135" or 135, "a,b" or ["a","b"]); compare the entries.
                    var entries = rule[member] switch
                    {
                        null => ["any"],
                        JArray items => items.Select(i => i.ToString()),
                        var single => single.ToString().Split(','),
                    };
                    var normalized = entries.Select(e => e.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
                    if (member == "profiles" && normalized.SequenceEqual(["domain", "private", "public"]))
                    {
                        normalized = ["any"]; // all three profiles is what "any" means
                    }

                    rule[member] = new JArray(normalized.Cast<object>().ToArray());
                }

                rule["enabled"] ??= true;
            }

            json["firewallRules"] = new JArray(rules.OrderBy(r => r.ToString(Formatting.None), StringComparer.Ordinal));
        }

        if (json["registry"] is JObject registry)
        {
            json["registry"] = new JObject(registry.Properties()
                .Where(key => ((JObject)key.Value).Count > 0)
                .OrderBy(key => key.Name, StringComparer.OrdinalIgnoreCase)
                .Select(key => new JProperty(key.Name, new JObject(((JObject)key.Value).Properties().OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase)))));
        }

        return json;
    }
}
