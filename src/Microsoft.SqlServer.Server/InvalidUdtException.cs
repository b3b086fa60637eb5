using System.ComponentModel;
using System.Globalization;

namespace Microsoft.SqlServer.Server;

/// <summary>Thrown when SQL Server or the ADO.NET provider detects an invalid user-defined type.</summary>
public sealed class InvalidUdtException : SystemException
{
    /// <summary>COR_E_INVALIDUDT, the HRESULT the original sets.</summary>
    private const int InvalidUdtHResult = unchecked((int)0x80131937);

    private InvalidUdtException(string message)
        : base(message)
    {
        HResult = InvalidUdtHResult;
    }

    /// <summary>
    /// SqlClient's way of making this exception: the original looks <paramref name="resourceReason"/> up in
    /// its own resources; this stand-in has none, so the reason is shown as given.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static InvalidUdtException Create(Type udtType, string resourceReason) =>
        new(string.Format(CultureInfo.InvariantCulture, "'{0}' is an invalid user defined type, reason: {1}.", udtType.FullName, resourceReason));
}
