using Newtonsoft.Json.Linq;
using System.Net;
using BackupReconciler.Host;

namespace BackupReconciler.Resources.HostsEntry;

/// <summary>
/// A hosts file maps a name to the declared address (seed 000: on the SQL Server, a hosts entry for
/// the DPM server, to rule out a wrong DNS answer). Names compare ignoring case, comments after '#'
/// are ignored when matching, and every other line, comment and line ending stays as it is.
/// </summary>
/// <remarks>
/// Fixing a wrong address: a line that maps only this name gets the new address in place (its
/// comment and spacing kept). On a line that maps several names, only this name is wrong, so it is
/// taken off that line (the other names keep their address) and a line for it alone follows. Further
/// lines mapping the name elsewhere are dropped (or lose the name), since Windows would use the
/// first; a line already mapping it right is kept. With no line for the name, one is appended.
/// </remarks>
public sealed record HostsEntryResource(string Hostname, IPAddress Address, string? Path) : Resource<HostsEntryActual>, IClaimsSettings
{
    /// <summary>The name's address in that hosts file (the default file when no path is given).</summary>
    public IEnumerable<SettingClaim> Claims => [SettingClaim.Of($"hosts|{Path ?? "(the hosts file)"}|{Hostname}", $"the address of \"{Hostname}\" in {Path ?? "the hosts file"}", Address.ToString())];

    public override string TypeName => HostsEntryResourceType.TypeName;

    public override HostsEntryActual Read(IHost host)
    {
        var path = PathOn(host);
        var file = host.Files.ReadFile(path, HostsFile.MaxBytes) is { } bytes ? HostsFile.Parse(path, bytes) : null;
        return new HostsEntryActual(path, Hostname, file is not null, file?.AddressesOf(Hostname) ?? []);
    }

    public override IReadOnlyList<Difference> Compare(HostsEntryActual actual, IHost host)
    {
        var right = actual.Addresses.Count > 0 && actual.Addresses.All(a => HostsFile.SameAddress(a, Address));
        return right
            ? []
            : [Difference.Of(Hostname, actual.Addresses.Count == 0 ? null : DifferenceValue.Text(string.Join(", ", actual.Addresses)), DifferenceValue.Text(Address.ToString()))];
    }

    /// <summary>A single previous address can be put back; an added line or several addresses need a person.</summary>
    public override UndoStep UndoOf(HostsEntryActual actual, IReadOnlyList<Difference> changes)
    {
        if (actual.Addresses.Count != 1)
        {
            return UndoStep.Cannot(actual.Addresses.Count == 0
                ? $"the hosts entry for {Hostname} was added; remove its line by hand if it must go"
                : $"{Hostname} had several addresses ({string.Join(", ", actual.Addresses)}); restore them by hand");
        }

        var properties = new JObject { ["hostname"] = Hostname, ["address"] = actual.Addresses[0].ToString() };
        if (Path is not null)
        {
            properties["path"] = Path;
        }

        return UndoStep.With(HostsEntryResourceType.TypeName, properties);
    }

    public override void Apply(IHost host, HostsEntryActual actual, IReadOnlyList<Difference> changes)
    {
        // Edit the file as it is now, so lines someone else added meanwhile are kept.
        var path = PathOn(host);
        var file = host.Files.ReadFile(path, HostsFile.MaxBytes) is { } bytes ? HostsFile.Parse(path, bytes) : HostsFile.Empty();
        var updated = file.WithEntry(Hostname, Address).Encode();
        host.Files.WriteFile(path, stream => stream.Write(updated));
    }

    private string PathOn(IHost host) =>
        Path ?? (host.Facts.TryGetValue("SystemRoot", out var systemRoot)
            ? systemRoot.TrimEnd('\\') + @"\System32\drivers\etc\hosts"
            : throw new HostOperationException($"{host.ComputerName} has no SystemRoot fact, so the hosts file cannot be found; give \"path\"."));
}
