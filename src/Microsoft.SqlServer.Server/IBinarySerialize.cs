namespace Microsoft.SqlServer.Server;

/// <summary>Custom binary serialization of a user-defined type or aggregate (<see cref="Format.UserDefined"/>).</summary>
public interface IBinarySerialize
{
    void Read(BinaryReader r);

    void Write(BinaryWriter w);
}
