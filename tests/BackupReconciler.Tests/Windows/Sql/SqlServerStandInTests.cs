using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.Data.SqlClient;

namespace BackupReconciler.Tests.Windows.Sql;

/// <summary>
/// src/Microsoft.SqlServer.Server stands in for the package SqlClient depends on (DESIGN §8). Every type
/// and member SqlClient refers to in it must be there, public, or SqlClient fails when it first touches one.
/// </summary>
public sealed class SqlServerStandInTests
{
    [Fact]
    public void EveryTypeAndMemberSqlClientRefersToExistsInTheStandIn()
    {
        var standIn = Assembly.Load(new AssemblyName("Microsoft.SqlServer.Server, Version=1.0.0.0, Culture=neutral, PublicKeyToken=23ec7fc2d6eaa4a5"));
        using var pe = new PEReader(File.OpenRead(typeof(SqlConnection).Assembly.Location));
        var metadata = pe.GetMetadataReader();
        var referenced = new Dictionary<TypeReferenceHandle, string>();
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            if (type.ResolutionScope.Kind == HandleKind.AssemblyReference
                && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name) == "Microsoft.SqlServer.Server")
            {
                referenced[handle] = metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);
            }
        }

        Assert.NotEmpty(referenced);
        foreach (var name in referenced.Values)
        {
            Assert.True(standIn.GetType(name) is { IsPublic: true }, $"{name} is missing from the stand-in");
        }

        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference && referenced.TryGetValue((TypeReferenceHandle)member.Parent, out var typeName))
            {
                var name = metadata.GetString(member.Name);
                Assert.True(standIn.GetType(typeName)!.GetMember(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Length > 0, $"{typeName}.{name} is missing from the stand-in");
            }
        }
    }

    [Fact]
    public void SqlClientLoadsAndBuildsItsConnectionsWithTheStandIn()
    {
        using var connection = new SqlConnection(new SqlConnectionStringBuilder { DataSource = ".", IntegratedSecurity = true }.ConnectionString);

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        Assert.Equal(new Version(1, 0, 0, 0), typeof(Microsoft.SqlServer.Server.IBinarySerialize).Assembly.GetName().Version);
    }
}
