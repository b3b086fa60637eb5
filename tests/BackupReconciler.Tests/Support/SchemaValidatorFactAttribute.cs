namespace BackupReconciler.Tests.Support;

/// <summary>
/// A test that needs the independent JSON Schema validator (ajv, installed by build.sh and CI with
/// npm into tools/schema-check). Skipped with the reason where it is missing, except under CI,
/// where a missing validator must fail rather than hide.
/// </summary>
public sealed class SchemaValidatorFactAttribute : FactAttribute
{
    public SchemaValidatorFactAttribute()
    {
        if (!SchemaValidator.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "ajv is not installed: run `npm ci --prefix tools/schema-check` (build.sh does)";
        }
    }
}
