using BackupReconciler.Input;
using BackupReconciler.Resources;

namespace BackupReconciler.Baselines;

/// <summary>A loaded, validated and bound baseline: its resources in declaration order, includes merged.</summary>
public sealed record Baseline(
    string Name,
    string? Description,
    string File,
    IReadOnlyList<ResourceDeclaration> Resources,
    IReadOnlyDictionary<string, ParameterDefinition> Parameters)
{
    /// <summary>Values of secret variables as bound for this run; reports and logs mask them.</summary>
    public IReadOnlyList<string> SecretValues { get; init; } = [];

    /// <summary>Full paths of the baseline file and every include, in load order: what a digest covers.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}

/// <summary>One resource as declared: identity and run metadata around the typed desired state.</summary>
public sealed record ResourceDeclaration(
    string Id,
    IResource Resource,
    ResourceMode Mode,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> RestartServices,
    string? Reference,
    string? Why,
    SourceLocation Location)
{
    public string Type => Resource.TypeName;
}

/// <summary><c>enforce</c> changes the host; <c>audit</c> only reports, with status manual.</summary>
public enum ResourceMode
{
    Enforce,
    Audit,
}

public enum ParameterType
{
    String,
    Array,
    Integer,
    Boolean,
}

/// <summary>A declared baseline parameter; <see cref="Default"/> is null when the parameter is required.</summary>
public sealed record ParameterDefinition(
    string Name,
    ParameterType Type,
    VariableValue? Default,
    string? Description,
    SourceLocation Location,
    bool Secret = false);
