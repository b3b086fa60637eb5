using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.HostsEntry;

/// <summary>Reads <c>hostsEntry</c> resources: <c>hostname</c>, <c>address</c> (IPv4 or IPv6) and optional <c>path</c>.</summary>
public sealed partial class HostsEntryResourceType : IResourceType
{
    public const string TypeName = "hostsEntry";

    [GeneratedRegex(@"^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[0-9]{1,3}(?:\.[0-9]{1,3}){3}$")]
    private static partial Regex DottedQuad();

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var hostname = properties.RequiredString("hostname");
        if (!HostName().IsMatch(hostname))
        {
            throw properties.Error(properties.Json["hostname"], $"\"hostname\" of {properties.Subject} is \"{hostname}\"; give a host name such as dpm01 or dpm01.contoso.com (letters, digits, '-' and '_', labels separated by dots).");
        }

        var written = properties.RequiredString("address");
        var address = ParseAddress(written)
            ?? throw properties.Error(properties.Json["address"], $"\"address\" of {properties.Subject} is \"{written}\", not an IPv4 or IPv6 address; give one such as 10.0.0.5 or fd00::5.");
        var path = DrivePath.Optional(properties, "path", @"C:\Windows\System32\drivers\etc\hosts");
        properties.RejectUnknownMembers();
        return new HostsEntryResource(hostname, address, path);
    }

    /// <summary>
    /// Stricter than <see cref="IPAddress.TryParse(string, out IPAddress)"/>, which also takes "10" or
    /// "10.1" as IPv4 addresses: a typo in a hosts entry would silently point a name elsewhere.
    /// </summary>
    private static IPAddress? ParseAddress(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return !text.Contains('%', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : null;
        }

        return DottedQuad().IsMatch(text) && IPAddress.TryParse(text, out var v4) ? v4 : null;
    }
}
