using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Phso.Architecture.Tests;

/// <summary>What the rules need to know about one type.</summary>
public sealed record TypeFacts(string FullName, bool IsPublic, IReadOnlyList<string> Interfaces, IReadOnlyList<string> BaseTypes, IReadOnlyList<string> Attributes);

/// <summary>What the rules need to know about one assembly, read from its file without loading it.</summary>
public sealed record AssemblyFacts(string Name, IReadOnlyList<string> References, IReadOnlyList<TypeFacts> Types, IReadOnlyList<string> ClockReads)
{
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
        return new AssemblyFacts(
            module.Assembly.Name.Name,
            [.. module.AssemblyReferences.Select(r => r.Name)],
            [.. types.Select(Describe)],
            clockReads);
    }

    private static IEnumerable<TypeDefinition> AllTypes(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(t => AllTypes(t.NestedTypes).Prepend(t));

    private static TypeFacts Describe(TypeDefinition type)
    {
        var bases = new List<string>();
        var interfaces = new List<string>();
        for (var current = type; current is not null;)
        {
            interfaces.AddRange(current.Interfaces.Select(i => Open(i.InterfaceType)));
            if (current.BaseType is null)
            {
                break;
            }

            bases.Add(Open(current.BaseType));
            current = Resolve(current.BaseType);
        }

        return new TypeFacts(type.FullName, IsVisible(type), [.. interfaces.Distinct()], bases, [.. type.CustomAttributes.Select(a => a.AttributeType.FullName)]);
    }

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
