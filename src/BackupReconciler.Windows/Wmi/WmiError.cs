namespace BackupReconciler.Windows.Wmi;

/// <summary>
/// What a failed WMI operation said, as plain data (taken from MI's CimException): its message, MI's
/// result code (MI_Result: 2 access denied, 3 invalid namespace, 5 invalid class, 6 not found …) and,
/// when the error instance carries them, the provider's own error type and code (for the DCOM
/// protocol, an HRESULT such as 0x8004100E WBEM_E_INVALID_NAMESPACE).
/// </summary>
internal sealed record WmiError(string Message, uint ResultCode, string? ErrorType, long? ErrorCode);
