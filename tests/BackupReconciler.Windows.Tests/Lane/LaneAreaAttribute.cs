namespace BackupReconciler.Windows.Tests.Lane;

/// <summary>
/// Which part of what a lane proves a test class belongs to ("registry", "services" …): the lane's
/// list (.ci/lanes.expected) says how many of its live tests must pass there.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LaneAreaAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
