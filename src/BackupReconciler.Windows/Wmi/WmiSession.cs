using System.Runtime.Versioning;
using Microsoft.Management.Infrastructure;
using Microsoft.Management.Infrastructure.Options;

namespace BackupReconciler.Windows.Wmi;

/// <summary>
/// The run's one local WMI session, through Microsoft.Management.Infrastructure (MI): created on first
/// use, shared by every WMI adapter (volumes, shadow storage, Defender, features; the namespace is part
/// of each operation, not of the session) and closed with the host. Every operation is bounded twice:
/// WMI's own timeout (<see cref="CimOperationOptions.Timeout"/>) and the caller's deadline
/// (<see cref="HostCall"/>); an operation abandoned at the deadline is cancelled through its token. Queries
/// select only the properties asked for and return plain <see cref="WmiRow"/>s; no MI object leaves here.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WmiSession(TimeSpan timeout) : IDisposable
{
    private readonly Lock _lock = new();
    private CimSession? _session;
    private bool _disposed;

    public TimeSpan Timeout => timeout;

    /// <summary>Every instance the query finds, with only its properties.</summary>
    public IReadOnlyList<WmiRow> Query(string what, WmiQuery query) =>
        Run(what, (session, options) =>
        {
            var rows = new List<WmiRow>();
            foreach (var instance in session.QueryInstances(query.Namespace, "WQL", query.Wql, options))
            {
                using (instance)
                {
                    rows.Add(ToRow(instance, query.Properties));
                }
            }

            return rows;
        });

    /// <summary>Calls a static method of a class and answers its ReturnValue (0 when it gave none).</summary>
    public uint InvokeStatic(string what, string @namespace, string className, string method, IReadOnlyList<WmiParameter> parameters) =>
        Run(what, (session, options) =>
        {
            using var inParameters = new CimMethodParametersCollection();
            foreach (var parameter in parameters)
            {
                inParameters.Add(CimMethodParameter.Create(parameter.Name, parameter.Value, parameter.Type, CimFlags.In));
            }

            using var result = session.InvokeMethod(@namespace, className, method, inParameters, options);
            return WmiValues.ReturnCode(result.ReturnValue?.Value);
        });

    /// <summary>
    /// Sets <paramref name="property"/> on the first instance of the query that <paramref name="pick"/>
    /// chooses and writes it back (ModifyInstance, WMI's PutInstance); false when no instance was chosen.
    /// The property must be among the query's: the instance written holds those and its keys only.
    /// </summary>
    public bool Modify(string what, WmiQuery query, Func<WmiRow, bool> pick, string property, object value) =>
        Run(what, (session, options) =>
        {
            var instances = session.QueryInstances(query.Namespace, "WQL", query.Wql, options).ToList();
            try
            {
                if (instances.FirstOrDefault(i => pick(ToRow(i, query.Properties))) is not { } chosen)
                {
                    return false;
                }

                chosen.CimInstanceProperties[property].Value = value;
                session.ModifyInstance(query.Namespace, chosen, options)?.Dispose();
                return true;
            }
            finally
            {
                instances.ForEach(i => i.Dispose());
            }
        });

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _session?.Dispose();
            _session = null;
        }
    }

    /// <summary>
    /// Runs one operation under the deadline, its WMI failures made host failures. Past the deadline the
    /// caller has its answer (a timeout) and the operation its cancellation, so that a hung provider does
    /// not keep working for nobody.
    /// </summary>
    private T Run<T>(string what, Func<CimSession, CimOperationOptions, T> call)
    {
        var cancel = new CancellationTokenSource();
        var token = cancel.Token;
        var finished = 0;
        try
        {
            return HostCall.RunNamed(what, timeout, () =>
            {
                try
                {
                    using var options = new CimOperationOptions { Timeout = timeout, CancellationToken = token };
                    return call(Session(), options);
                }
                catch (Exception e) when (WmiFailure.IsWmiFailure(e))
                {
                    throw WmiFailure.From(e);
                }
                finally
                {
                    if (Interlocked.Exchange(ref finished, 1) == 1)
                    {
                        // The caller gave up first and cancelled: the source is this side's to dispose.
                        cancel.Dispose();
                    }
                }
            });
        }
        finally
        {
            if (Interlocked.Exchange(ref finished, 1) == 0)
            {
                // The operation is still running (abandoned at the deadline): stop it; it disposes the source.
                // What its cancellation callbacks throw is not news: the timeout is the caller's answer.
                try
                {
                    cancel.Cancel();
                }
                catch (AggregateException)
                {
                }
            }
            else
            {
                cancel.Dispose();
            }
        }
    }

    /// <summary>The local session (DCOM, as WMI itself is reached locally), created on first use.</summary>
    private CimSession Session()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is null)
            {
                using var options = new DComSessionOptions { Timeout = timeout, Impersonation = ImpersonationType.Impersonate, PacketPrivacy = true };
                _session = CimSession.Create(null, options);
            }

            return _session;
        }
    }

    private static WmiRow ToRow(CimInstance instance, IReadOnlyList<string> properties) =>
        new(properties.ToDictionary(p => p, p => Plain(instance.CimInstanceProperties[p]?.Value), StringComparer.OrdinalIgnoreCase));

    /// <summary>MI's values as plain data: references (key-only instances) become <see cref="WmiReference"/>s.</summary>
    private static object? Plain(object? value) => value switch
    {
        CimInstance reference => new WmiReference(
            reference.CimSystemProperties.ClassName,
            reference.CimInstanceProperties.ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.OrdinalIgnoreCase)),
        CimInstance[] references => references.Select(Plain).ToArray(),
        _ => value,
    };
}
