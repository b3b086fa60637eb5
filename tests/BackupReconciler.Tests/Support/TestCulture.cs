using System.Globalization;
using System.Runtime.CompilerServices;

namespace BackupReconciler.Tests.Support;

/// <summary>
/// Runs the suite under another culture when TEST_CULTURE is set (build.sh runs it under de-DE and
/// pt-BR too): a decimal comma or a localised date must never change what the tool reads or writes.
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void Apply()
    {
        if (Environment.GetEnvironmentVariable("TEST_CULTURE") is { Length: > 0 } name)
        {
            var culture = CultureInfo.GetCultureInfo(name);
            CultureInfo.DefaultThreadCurrentCulture = culture;
            CultureInfo.DefaultThreadCurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
