namespace Microsoft.SqlServer.Server;

/// <summary>How a user-defined type or aggregate is serialized (the public API's values, in its order).</summary>
public enum Format
{
    Unknown = 0,
    Native = 1,
    UserDefined = 2,
}
