using System.Globalization;
using System.Text.RegularExpressions;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// Collects a rule string's fields one by one, interpreting those the reconciler needs, and builds the
/// <see cref="FirewallRuleString"/>. <see cref="Add"/> answers null or what is wrong with the field.
/// </summary>
internal sealed partial class RuleFields(Version version)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<RulePort> _localPorts = [];
    private readonly List<RulePort> _remotePorts = [];
    private readonly List<RuleAddress> _localAddresses = [];
    private readonly List<RuleAddress> _remoteAddresses = [];
    private readonly List<KeyValuePair<string, string>> _others = [];
    private RuleAction? _action;
    private bool? _active;
    private RuleDirection? _direction;
    private int? _protocol;
    private RuleProfiles _profiles;
    private string? _app;
    private string? _service;
    private string? _name;
    private string? _description;
    private string? _embeddedContext;
    private bool _edge;
    private EdgeDefer? _defer;

    public string? Add(string key, string value)
    {
        switch (key)
        {
            case "Action":
                return Once(key) ?? Choose(value, out _action, "Allow, Block or ByPass", ("Allow", RuleAction.Allow), ("Block", RuleAction.Block), ("ByPass", RuleAction.ByPass));
            case "Active":
                return Once(key) ?? Flag(value, out _active);
            case "Dir":
                return Once(key) ?? Choose(value, out _direction, "In or Out", ("In", RuleDirection.In), ("Out", RuleDirection.Out));
            case "Protocol":
                if (Once(key) is { } twice)
                {
                    return twice;
                }

                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var protocol) || protocol > 255)
                {
                    return $"the protocol must be a number from 0 to 255 (6 is TCP, 17 UDP); found \"{FirewallRuleStringParser.Shown(value)}\"";
                }

                _protocol = protocol;
                return null;
            case "Profile":
                var problem = Choose(value, out RuleProfiles? profile, "Domain, Private or Public",
                    ("Domain", RuleProfiles.Domain), ("Private", RuleProfiles.Private), ("Public", RuleProfiles.Public));
                _profiles |= profile ?? RuleProfiles.None;
                return problem;
            case "App":
                return Once(key) ?? Text(value, out _app);
            case "Svc":
                return Once(key) ?? Text(value, out _service);
            case "Name":
                return Once(key) ?? Text(value, out _name);
            case "Desc":
                return Once(key) ?? Text(value, out _description);
            case "EmbedCtxt":
                return Once(key) ?? Text(value, out _embeddedContext);
            case "Edge":
                if (Once(key) is { } again)
                {
                    return again;
                }

                var edgeProblem = Flag(value, out var edge);
                _edge = edge == true;
                return edgeProblem;
            case "Defer":
                return Once(key) ?? Choose(value, out _defer, "App or User", ("App", EdgeDefer.App), ("User", EdgeDefer.User));
        }

        if (PortKey().IsMatch(key))
        {
            var portProblem = FirewallRuleStringParser.ParsePort(key, value, out var port);
            (key[0] == 'L' ? _localPorts : _remotePorts).AddRange(port is null ? [] : [port]);
            return portProblem;
        }

        if (AddressKey().IsMatch(key))
        {
            var addressProblem = FirewallRuleStringParser.ParseAddress(key, value, out var address);
            (key[0] == 'L' ? _localAddresses : _remoteAddresses).AddRange(address is null ? [] : [address]);
            return addressProblem;
        }

        // Fields this reconciler does not interpret (ICMP4, LUAuth, PFN, Platform, TTK, Security …): kept as written.
        _others.Add(new KeyValuePair<string, string>(key, value));
        return null;
    }

    public bool TryBuild(out FirewallRuleString? rule, out string? error)
    {
        rule = null;
        var missing = new[] { ("Action", _action is null), ("Active", _active is null), ("Dir", _direction is null) }
            .Where(f => f.Item2)
            .Select(f => f.Item1)
            .ToList();
        if (missing.Count > 0)
        {
            error = $"the firewall rule string has no {string.Join(", ", missing)} field; every rule Windows writes has Action, Active and Dir.";
            return false;
        }

        error = null;
        rule = new FirewallRuleString
        {
            Version = version,
            Action = _action!.Value,
            Active = _active!.Value,
            Direction = _direction!.Value,
            Protocol = _protocol,
            Profiles = _profiles == RuleProfiles.None ? RuleProfiles.All : _profiles,
            LocalPorts = _localPorts,
            RemotePorts = _remotePorts,
            LocalAddresses = _localAddresses,
            RemoteAddresses = _remoteAddresses,
            App = _app,
            Service = _service,
            Name = _name,
            Description = _description,
            EmbeddedContext = _embeddedContext,
            EdgeTraversal = _edge,
            Defer = _defer,
            OtherFields = _others,
        };
        return true;
    }

    /// <summary>A single-valued field given twice would be a guess either way.</summary>
    private string? Once(string key) => _seen.Add(key) ? null : $"{key} appears twice";

    private static string? Text(string value, out string? text)
    {
        text = value;
        return null;
    }

    private static string? Flag(string value, out bool? flag)
    {
        flag = value.Equals("TRUE", StringComparison.OrdinalIgnoreCase) ? true
            : value.Equals("FALSE", StringComparison.OrdinalIgnoreCase) ? false
            : null;
        return flag is null ? $"the value must be TRUE or FALSE; found \"{FirewallRuleStringParser.Shown(value)}\"" : null;
    }

    private static string? Choose<T>(string value, out T? choice, string expected, params (string Name, T Value)[] choices)
        where T : struct
    {
        foreach (var (name, option) in choices)
        {
            if (name.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                choice = option;
                return null;
            }
        }

        choice = null;
        return $"the value must be {expected}; found \"{FirewallRuleStringParser.Shown(value)}\"";
    }

    /// <summary>LPort, RPort, and their versioned forms LPort2_10, LPort2_20, RPort2_10 (and later ones).</summary>
    [GeneratedRegex(@"^[LR]Port(2_\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PortKey();

    /// <summary>LA4, LA6, RA4, RA6 and their versioned forms RA42, RA62 (and later ones).</summary>
    [GeneratedRegex(@"^[LR]A[46]\d*$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressKey();
}
