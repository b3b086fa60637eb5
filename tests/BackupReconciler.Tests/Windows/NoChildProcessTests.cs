using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using BackupReconciler.Tests.Support;
using BackupReconciler.Windows;

namespace BackupReconciler.Tests.Windows;

/// <summary>
/// DESIGN §8: no adapter starts a child process (PowerShell, netsh, vssadmin, sc, reg, wbadmin …). Proven
/// on the compiled assemblies (no reference to Process.Start or ProcessStartInfo, no P/Invoke of a
/// process-creating function, no command line or shell ProgID among their strings) and on the sources.
/// </summary>
public sealed class NoChildProcessTests
{
    private static readonly string[] ProcessCreatingImports = ["CreateProcess", "CreateProcessW", "CreateProcessAsUserW", "CreateProcessWithLogonW", "ShellExecuteW", "ShellExecuteExW", "WinExec"];

    private static readonly string[] CommandLineTools = ["powershell", "pwsh", "netsh", "vssadmin", "wbadmin", "schtasks", "sc.exe", "reg.exe", "dism.exe", "cmd.exe", "secedit", "WScript.Shell", "Shell.Application", "wmic"];

    public static TheoryData<string> Assemblies() => new()
    {
        typeof(LiveWindowsHost).Assembly.Location,
        typeof(BackupReconciler.Host.IHost).Assembly.Location,
        typeof(BackupReconciler.Cli.CliApplication).Assembly.Location,
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NoAssemblyRefersToProcessStartOrProcessStartInfo(string assembly)
    {
        var metadata = Read(assembly, out var pe);
        using (pe)
        {
            var types = metadata.TypeReferences.Select(h => metadata.GetTypeReference(h))
                .Select(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name)).ToList();
            Assert.DoesNotContain("System.Diagnostics.ProcessStartInfo", types);

            var starts = metadata.MemberReferences.Select(h => metadata.GetMemberReference(h))
                .Where(m => m.Parent.Kind == HandleKind.TypeReference
                    && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)m.Parent).Name) == "Process"
                    && metadata.GetString(m.Name) == "Start")
                .ToList();
            Assert.Empty(starts);
        }
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NoAssemblyImportsAFunctionThatStartsAProcess(string assembly)
    {
        var metadata = Read(assembly, out var pe);
        using (pe)
        {
            var imports = metadata.MethodDefinitions.Select(h => metadata.GetMethodDefinition(h))
                .Select(m => m.GetImport())
                .Where(i => !i.Module.IsNil)
                .Select(i => metadata.GetString(i.Name))
                .ToList();
            Assert.Empty(imports.Intersect(ProcessCreatingImports, StringComparer.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void TheWindowsAdaptersHoldNoCommandLineOrShellObject()
    {
        var metadata = Read(typeof(LiveWindowsHost).Assembly.Location, out var pe);
        using (pe)
        {
            var strings = new List<string>();
            for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = NextOf(metadata, handle))
            {
                strings.Add(metadata.GetUserString(handle));
            }

            var found = strings.Where(s => CommandLineTools.Any(tool => s.Contains(tool, StringComparison.OrdinalIgnoreCase))).ToList();
            Assert.Empty(found);
        }
    }

    [Fact]
    public void NoAdapterSourceStartsAProcess()
    {
        var sources = Directory.EnumerateFiles(Repository.File("src/BackupReconciler.Windows"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var offenders = sources
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("Process.Start", StringComparison.Ordinal) || text.Contains("ProcessStartInfo", StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.Empty(offenders);
    }

    /// <summary>The next entry of the #US heap, or nil at its end.</summary>
    private static UserStringHandle NextOf(MetadataReader metadata, UserStringHandle handle) => metadata.GetNextHandle(handle);

    private static MetadataReader Read(string assembly, out PEReader pe)
    {
        pe = new PEReader(File.OpenRead(assembly));
        return pe.GetMetadataReader();
    }
}
