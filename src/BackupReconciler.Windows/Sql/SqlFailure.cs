using System.Globalization;
using BackupReconciler.Host;
using Microsoft.Data.SqlClient;

namespace BackupReconciler.Windows.Sql;

/// <summary>
/// SQL Server's errors as host failures: its own message and error number, "… (15025)", the shape the
/// snapshot host uses. The adapter's batches re-raise errors already in that shape (number 50000), which
/// are passed on as they are.
/// </summary>
internal static class SqlFailure
{
    /// <summary>The number RAISERROR gives an ad hoc message.</summary>
    private const int AdHocMessage = 50000;

    public static HostOperationException From(SqlException e, string instance)
    {
        var first = e.Errors.Count > 0 ? e.Errors[0] : null;
        var number = first?.Number ?? e.Number;
        var message = (first?.Message ?? e.Message).Trim();
        return number == AdHocMessage
            ? new HostOperationException(message, e)
            : new HostOperationException($"{message} ({number.ToString(CultureInfo.InvariantCulture)}; SQL Server instance {instance})", e);
    }
}
