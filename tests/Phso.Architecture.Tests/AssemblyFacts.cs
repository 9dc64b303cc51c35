using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Phso.Architecture.Tests;

/// <summary>What the rules need to know about one type. <paramref name="HandledRequests"/> and
/// <paramref name="HandledNotifications"/>: what it is a MediatR handler for, by full name; <paramref name="Strings"/>: the string literals each of its property getters returns
/// or builds (how a module's Name and DependsOn are read without running it).</summary>
public sealed record TypeFacts(
    string FullName,
    bool IsPublic,
    IReadOnlyList<string> Interfaces,
    IReadOnlyList<string> BaseTypes,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<string> HandledRequests,
    IReadOnlyList<string> HandledNotifications,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Strings);

/// <summary>What the rules need to know about one assembly, read from its file without loading it.</summary>
/// <paramref name="FieldRefusals"/>: the types (outermost, by full name) whose code refuses a request's property
/// (<c>RequestValidationException.For</c>, <c>RequestErrors</c>).
public sealed record AssemblyFacts(string Name, IReadOnlyList<string> References, IReadOnlyList<TypeFacts> Types, IReadOnlyList<string> ClockReads, IReadOnlyList<string> FieldRefusals)
{
    private static readonly string[] RefusalTypes = ["Phso.SharedKernel.Messaging.RequestValidationException", "Phso.SharedKernel.Messaging.RequestErrors`1"];

    private static readonly HashSet<string> ClockProperties =
    [
        "System.DateTime System.DateTime::get_Now()",
        "System.DateTime System.DateTime::get_UtcNow()",
        "System.DateTime System.DateTime::get_Today()",
        "System.DateTimeOffset System.DateTimeOffset::get_Now()",
        "System.DateTimeOffset System.DateTimeOffset::get_UtcNow()",
    ];

    public static AssemblyFacts Read(string path)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(path)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!);
        using var module = ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = resolver });
        var types = AllTypes(module.Types).ToList();
        var clockReads = types
            .SelectMany(t => t.Methods.Where(m => m.HasBody).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.Body.Instructions.Any(i => i.OpCode.FlowControl == FlowControl.Call && i.Operand is MethodReference called && ClockProperties.Contains(called.FullName)))
            .Select(x => $"{x.Type.FullName}.{x.Method.Name}")
            .Distinct()
            .ToList();
        var fieldRefusals = types
            .Where(t => t.Methods.Any(m => m.HasBody && m.Body.Instructions.Any(i => i.OpCode.FlowControl == FlowControl.Call && i.Operand is MethodReference called
                && RefusalTypes.Contains(Open(called.DeclaringType)) && called.Name != "get_Errors")))
            .Select(Outermost)
            .Distinct()
            .ToList();
        return new AssemblyFacts(
            module.Assembly.Name.Name,
            [.. module.AssemblyReferences.Select(r => r.Name)],
            [.. types.Select(Describe)],
            clockReads,
            fieldRefusals);
    }

    private static IEnumerable<TypeDefinition> AllTypes(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(t => AllTypes(t.NestedTypes).Prepend(t));

    private static TypeFacts Describe(TypeDefinition type)
    {
        var bases = new List<string>();
        var interfaces = new List<string>();
        var handled = new List<string>();
        var notifications = new List<string>();
        for (var current = type; current is not null;)
        {
            interfaces.AddRange(current.Interfaces.Select(i => Open(i.InterfaceType)));
            handled.AddRange(current.Interfaces.Select(i => i.InterfaceType).OfType<GenericInstanceType>()
                .Where(i => i.ElementType.FullName == "MediatR.IRequestHandler`2")
                .Select(i => i.GenericArguments[0].Name));
            notifications.AddRange(current.Interfaces.Select(i => i.InterfaceType).OfType<GenericInstanceType>()
                .Where(i => i.ElementType.FullName == "MediatR.INotificationHandler`1")
                .Select(i => i.GenericArguments[0].FullName));
            if (current.BaseType is null)
            {
                break;
            }

            bases.Add(Open(current.BaseType));
            current = Resolve(current.BaseType);
        }

        var strings = type.Properties
            .Where(p => p.GetMethod is { HasBody: true })
            .ToDictionary(
                p => p.Name,
                p => (IReadOnlyList<string>)[.. p.GetMethod.Body.Instructions.Where(i => i.OpCode == OpCodes.Ldstr).Select(i => (string)i.Operand)]);
        return new TypeFacts(type.FullName, IsVisible(type), [.. interfaces.Distinct()], bases, [.. type.CustomAttributes.Select(a => a.AttributeType.FullName)], [.. handled.Distinct()], [.. notifications.Distinct()], strings);
    }

    private static string Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type.FullName;

    private static bool IsVisible(TypeDefinition type) => type.IsPublic || (type.IsNestedPublic && IsVisible(type.DeclaringType));

    private static string Open(TypeReference type) => type is GenericInstanceType generic ? generic.ElementType.FullName : type.FullName;

    private static TypeDefinition? Resolve(TypeReference type)
    {
        try
        {
            return type.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }
}
