using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace BackupReconciler.Windows.Tests.Lane;

/// <summary>
/// Test classes made at run time, for the runner's own tests: they live in an in-memory assembly, so
/// neither xUnit nor the Wine lane ever finds them, and a sample meant to fail fails only where a
/// test of the runner runs it. Each sample method's body calls one of <see cref="SampleBodies"/>.
/// </summary>
public sealed class SampleTests
{
    private readonly ModuleBuilder _module;
    private readonly List<Func<Type>> _pending = [];

    public SampleTests()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("LaneSamples" + Guid.NewGuid().ToString("N")), AssemblyBuilderAccess.Run);
        _module = assembly.DefineDynamicModule("LaneSamples");
    }

    /// <summary>A class of sample tests; <paramref name="methods"/> adds its methods.</summary>
    public SampleTests Class(string name, Action<SampleClass> methods, bool isPublic = true, bool isStatic = false)
    {
        var attributes = (isPublic ? TypeAttributes.Public : TypeAttributes.NotPublic) | TypeAttributes.Class
            | (isStatic ? TypeAttributes.Abstract | TypeAttributes.Sealed : 0);
        var type = _module.DefineType("LaneSamples." + name, attributes);
        if (!isStatic)
        {
            type.DefineDefaultConstructor(MethodAttributes.Public);
        }

        methods(new SampleClass(type));
        _pending.Add(() => type.CreateType());
        return this;
    }

    public IReadOnlyList<Type> Types() => _pending.Select(create => create()).ToList();
}

/// <summary>Adds sample test methods to one class.</summary>
public sealed class SampleClass(TypeBuilder type)
{
    /// <summary>
    /// A method marked with <paramref name="attributes"/> whose body calls <c>SampleBodies.BODY(name)</c>
    /// and returns what it returns (void or a task); an async body makes the method look async too.
    /// </summary>
    public SampleClass Method(string name, string body, CustomAttributeBuilder[] attributes, bool isPublic = true, bool isStatic = false, Type[]? parameters = null)
    {
        var bodyMethod = typeof(SampleBodies).GetMethod(body) ?? throw new ArgumentException($"SampleBodies has no {body}", nameof(body));
        var access = (isPublic ? MethodAttributes.Public : MethodAttributes.Private) | (isStatic ? MethodAttributes.Static : 0) | MethodAttributes.HideBySig;
        var method = type.DefineMethod(name, access, bodyMethod.ReturnType, parameters ?? Type.EmptyTypes);
        for (var i = 0; i < (parameters ?? Type.EmptyTypes).Length; i++)
        {
            method.DefineParameter(i + 1, ParameterAttributes.None, "p" + i);
        }

        foreach (var attribute in attributes)
        {
            method.SetCustomAttribute(attribute);
        }

        if (bodyMethod.GetCustomAttribute<AsyncStateMachineAttribute>() is { } async)
        {
            method.SetCustomAttribute(new CustomAttributeBuilder(typeof(AsyncStateMachineAttribute).GetConstructor([typeof(Type)])!, [async.StateMachineType]));
        }

        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldstr, type.Name + "." + name);
        il.Emit(OpCodes.Call, bodyMethod);
        il.Emit(OpCodes.Ret);
        return this;
    }

    public static CustomAttributeBuilder Fact() => new(typeof(FactAttribute).GetConstructor(Type.EmptyTypes)!, []);

    public static CustomAttributeBuilder Theory() => new(typeof(TheoryAttribute).GetConstructor(Type.EmptyTypes)!, []);

    public static CustomAttributeBuilder InlineData(params object[] row) =>
        new(typeof(InlineDataAttribute).GetConstructor([typeof(object[])])!, [row]);
}

/// <summary>What the sample tests do: record that they ran, and pass or fail, at once or after an await.</summary>
public static class SampleBodies
{
    /// <summary>Every sample that ran to its end, by Class.Method.</summary>
    public static ConcurrentBag<string> Finished { get; } = [];

    public static void Passes(string name) => Finished.Add(name);

    public static void Fails(string name) => throw new InvalidOperationException($"{name} failed at once");

    public static async Task PassesAfterAnAwait(string name)
    {
        await Task.Delay(20);
        Finished.Add(name);
    }

    public static async Task FailsAfterAnAwait(string name)
    {
        await Task.Delay(20);
        throw new InvalidOperationException($"{name} failed after an await");
    }

    public static async ValueTask ValueTaskFailsAfterAnAwait(string name)
    {
        await Task.Delay(20);
        throw new InvalidOperationException($"{name} failed after an await");
    }

    /// <summary>An async void body: compiled with the state machine attribute xUnit's analyzers and the runner look for.</summary>
    public static async void AsyncVoid(string name)
    {
        await Task.Yield();
        Finished.Add(name);
    }
}
