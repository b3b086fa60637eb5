using System.Globalization;
using System.Numerics;
using BackupReconciler.Host.Volumes;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Resources.ShadowStorage;

/// <summary>Reads <c>shadowStorage</c> resources: <c>forVolume</c>, <c>onVolume</c> and <c>maxSize</c>.</summary>
public sealed class ShadowStorageResourceType : IResourceType
{
    public const string TypeName = "shadowStorage";

    private const string MaxSize = "maxSize";

    private const string MaxSizeForms = "bytes as a number, a size such as \"20GB\", a percentage of the storage volume such as \"10%\", or \"unbounded\"";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var forVolume = ReadVolume(properties, "forVolume");
        var onVolume = ReadVolume(properties, "onVolume");
        var maxSize = ReadMaxSize(properties);
        properties.RejectUnknownMembers();
        return new ShadowStorageResource(forVolume, onVolume, maxSize);
    }

    private static string ReadVolume(JsonObjectReader properties, string member)
    {
        var text = properties.RequiredString(member);
        return VolumeName.TryNormalize(text, out var name)
            ? name
            : throw properties.Error(properties.Json[member], $"\"{member}\" of {properties.Subject} is \"{text}\"; give {VolumeName.Expected}.");
    }

    private static ShadowStorageSize ReadMaxSize(JsonObjectReader properties)
    {
        var token = properties.Required(MaxSize, MaxSizeForms);
        switch (token)
        {
            case JsonStringItem { Value: var text }:
                return ShadowStorageSize.TryParse(text, out var size, out var problem)
                    ? size
                    : throw properties.Error(token, $"\"{MaxSize}\" of {properties.Subject} is \"{text}\": {problem}.");
            case JsonNumberItem { Kind: JsonKind.Integer } whole:
                var bytes = whole.Value switch
                {
                    long number => number,
                    BigInteger { Sign: < 0 } => -1m,
                    _ => decimal.MaxValue,
                };
                return ShadowStorageSize.ProblemWithBytes(bytes) is { } bytesProblem
                    ? throw properties.Error(token, $"\"{MaxSize}\" of {properties.Subject} is {whole.Text}: {bytesProblem}.")
                    : ShadowStorageSize.FromBytes((long)bytes);
            case JsonNumberItem fraction:
                throw properties.Error(token, $"\"{MaxSize}\" of {properties.Subject} is {Convert.ToString(fraction.Value, CultureInfo.InvariantCulture)}, but bytes are a whole number; write a size with a unit instead, such as \"1.5TB\".");
            default:
                throw properties.Error(token, $"\"{MaxSize}\" of {properties.Subject} must be {MaxSizeForms}; found {JsonObjectReader.Describe(token)}.");
        }
    }
}
