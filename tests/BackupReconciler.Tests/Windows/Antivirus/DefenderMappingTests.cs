using BackupReconciler.Host;
using BackupReconciler.Host.Antivirus;
using BackupReconciler.Windows.Antivirus;
using BackupReconciler.Windows.Wmi;

namespace BackupReconciler.Tests.Windows.Antivirus;

/// <summary>MSFT_MpPreference's exclusion lists ↔ the antivirus port.</summary>
public sealed class DefenderMappingTests
{
    [Fact]
    public void TheThreeListsAreReadAndAnEmptyListIsNull()
    {
        var row = WmiRow.Of(
            ("ExclusionPath", new[] { @"C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch" }),
            ("ExclusionProcess", new[] { "cbengine.exe", "CSC.exe" }),
            ("ExclusionExtension", null));

        var exclusions = DefenderMapping.ToExclusions([row]);

        Assert.Equal([@"C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch"], exclusions.Paths);
        Assert.Equal(["cbengine.exe", "CSC.exe"], exclusions.Processes);
        Assert.Empty(exclusions.Extensions);
    }

    [Fact]
    public void ExclusionsHiddenFromANonAdministratorAreAccessDeniedNotAnEmptyList()
    {
        var row = WmiRow.Of(("ExclusionPath", new[] { "N/A: Must be an administrator to view exclusions" }), ("ExclusionProcess", null), ("ExclusionExtension", null));

        var e = Assert.Throws<HostOperationException>(() => DefenderMapping.ToExclusions([row]));

        Assert.StartsWith("Access is denied.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSendsOnlyTheListsThatHaveEntriesAsStringArrays()
    {
        var parameters = DefenderMapping.ToAddParameters(new AntivirusExclusions([], ["OBEngine.exe"], [".vhdx"]));

        Assert.Equal(
            ["ExclusionProcess StringArray OBEngine.exe", "ExclusionExtension StringArray .vhdx"],
            parameters.Select(p => $"{p.Name} {p.Type} {string.Join(",", (string[])p.Value)}"));
    }

    [Fact]
    public void OnlyTheExclusionPropertiesAreSelectedFromDefendersNamespace()
    {
        Assert.Equal("SELECT ExclusionPath, ExclusionProcess, ExclusionExtension FROM MSFT_MpPreference", DefenderMapping.Query.Wql);
        Assert.Equal("root/Microsoft/Windows/Defender", DefenderMapping.Query.Namespace);
    }

    [Fact]
    public void ANonzeroReturnFromAddIsReportedAsTheNumberItIs()
    {
        Assert.StartsWith("MSFT_MpPreference.Add returned 2, not 0 (success)", DefenderMapping.AddFailure(2), StringComparison.Ordinal);
    }
}
