using BackupReconciler.Input;

namespace BackupReconciler.Resources;

/// <summary>A kind of resource a baseline may declare: its name and how to read its properties strictly.</summary>
public interface IResourceType
{
    /// <summary>The <c>type</c> value in baselines, e.g. <c>registry</c>.</summary>
    string Name { get; }

    /// <summary>Reads and validates <c>properties</c>; every problem is an <see cref="InputException"/> with its location.</summary>
    IResource Parse(JsonObjectReader properties);
}
