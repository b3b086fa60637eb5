using BackupReconciler.Input;
using BackupReconciler.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Baselines;

/// <summary>
/// Refuses a baseline in which two resources set the same thing (one service, registry value, firewall
/// rule setting, JSON key of one file, hosts name, task, feature) to different values: applied, they
/// would flap for ever, each apply "changing" what the other set. Two resources setting the same value
/// agree, and pass.
/// </summary>
internal static class ConflictCheck
{
    /// <summary>Refuses the first conflict.</summary>
    public static void Check(IReadOnlyList<ResourceDeclaration> resources)
    {
        if (Find(resources).FirstOrDefault() is { } first)
        {
            throw first;
        }
    }

    /// <summary>Every conflict, each against the first resource that set the thing, in declaration order.</summary>
    public static IEnumerable<InputException> Find(IReadOnlyList<ResourceDeclaration> resources)
    {
        var first = new Dictionary<string, (ResourceDeclaration Declaration, SettingClaim Claim)>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in resources)
        {
            if (declaration.Resource is not IClaimsSettings claiming)
            {
                continue;
            }

            foreach (var claim in claiming.Claims)
            {
                if (!first.TryGetValue(claim.Target, out var earlier))
                {
                    first[claim.Target] = (declaration, claim);
                    continue;
                }

                if (!JToken.DeepEquals(earlier.Claim.Value, claim.Value) && !earlier.Declaration.Id.Equals(declaration.Id, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new InputException(declaration.Location,
                        $"resources \"{earlier.Declaration.Id}\" (at {earlier.Declaration.Location}) and \"{declaration.Id}\" both set {claim.Shown}, "
                        + $"to {Show(earlier.Claim.Value)} and {Show(claim.Value)}; each apply would change it back, so keep one of them or make them agree.");
                }
            }
        }
    }

    private static string Show(JToken value) => value.ToString(Formatting.None);
}
