using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Web;

namespace Phso.Modular.Tests.Host;

/// <summary>What the compiled modules say about refusals, read with Mono.Cecil: the keys each command can be refused
/// with, and the commands a page or an API handler sends. Used by <see cref="ErrorKeysTests"/>.</summary>
internal static class RefusalKeys
{
    /// <summary>The keys a command can be refused with.</summary>
    public static IReadOnlyList<string> KeysOf(Type command, IReadOnlyDictionary<string, HashSet<string>> named, IServiceProvider? services = null)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);

        // The pipeline refuses a NUL in any text the request carries, under the text's name.
        foreach (var property in command.GetProperties().Where(p => p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
        {
            keys.Add(property.Name);
        }

        foreach (var type in command.GetInterfaces().Prepend(command))
        {
            if (named.TryGetValue(type.FullName ?? "", out var names))
            {
                keys.UnionWith(names);
            }
        }

        if (services is not null)
        {
            using var scope = services.CreateScope();
            foreach (var validator in scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(command)).OfType<IValidator>())
            {
                keys.UnionWith(validator.CreateDescriptor().GetMembersWithValidators().Select(g => g.Key).Where(k => k.Length > 0));
            }
        }

        // A list of items (not of choices) is refused item by item ("List[0].Property"), so its own name is only the
        // root of those keys.
        keys.RemoveWhere(k => keys.Any(other => other.StartsWith(k + "[*].", StringComparison.Ordinal)));
        return [.. keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The commands a page model makes (in its methods, lambdas and async state machines) and the prefixes
    /// under which it puts refusals (the last argument of each TryAsync call).</summary>
    public static (IReadOnlyList<Type> Commands, IReadOnlyList<string> Prefixes) SentCommands(Type model)
    {
        var commands = new HashSet<Type>();
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        var types = new List<TypeDefinition>();
        for (var type = model; type is not null && type.Assembly.GetName().Name!.StartsWith("Phso.Modules.", StringComparison.Ordinal); type = type.BaseType)
        {
            types.AddRange(AllTypes(NamedKeys.Module(type.Assembly).GetType(type.FullName!.Replace('+', '/'))));
        }

        foreach (var method in types.SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            Instruction? previous = null;
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.OpCode == OpCodes.Newobj && instruction.Operand is MethodReference constructor
                    && Commands.Value.TryGetValue(constructor.DeclaringType.FullName.Replace('/', '+'), out var type))
                {
                    commands.Add(type);
                }

                if (instruction.OpCode.FlowControl == FlowControl.Call && instruction.Operand is MethodReference { Name: "TryAsync" } called
                    && called.DeclaringType.FullName == typeof(PhsoPageModel).FullName && previous is { OpCode.Code: Code.Ldstr, Operand: string prefix })
                {
                    prefixes.Add(prefix);
                }

                previous = instruction;
            }
        }

        return ([.. commands], [.. prefixes]);
    }

    /// <summary>Every command of every module, by full name.</summary>
    public static readonly Lazy<Dictionary<string, Type>> Commands = new(() => AppDomain.CurrentDomain.GetAssemblies()
        .Where(a => a.GetName().Name?.StartsWith("Phso.Modules.", StringComparison.Ordinal) == true)
        .SelectMany(a => a.GetTypes())
        .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
        .ToDictionary(t => t.FullName!, StringComparer.Ordinal));

    private static IEnumerable<TypeDefinition> AllTypes(TypeDefinition type) => type.NestedTypes.SelectMany(AllTypes).Prepend(type);

    /// <summary>The commands a minimal API handler makes: in its own body, or its async state machine's.</summary>
    public static IEnumerable<Type> CommandsMadeBy(MethodInfo handler)
    {
        var module = NamedKeys.Module(handler.DeclaringType!.Assembly);
        var method = (MethodDefinition)module.LookupToken(handler.MetadataToken);
        var bodies = new List<MethodDefinition> { method };
        if (handler.GetCustomAttribute<System.Runtime.CompilerServices.AsyncStateMachineAttribute>() is { } machine)
        {
            bodies.AddRange(module.GetType(machine.StateMachineType.FullName!.Replace('+', '/')).Methods.Where(m => m.HasBody));
        }

        return bodies.SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference)
            .Select(i => Commands.Value.GetValueOrDefault(((MethodReference)i.Operand).DeclaringType.FullName.Replace('/', '+')))
            .OfType<Type>();
    }

    /// <summary>Every property a module's code names by an expression over a request (<c>r =&gt; r.Name</c>): the keys
    /// handlers refuse with. Read from the compiled modules: each <c>ldtoken</c> of a property getter, by the type that
    /// declares the property; a getter of a list's item type gives <c>List[*].Property</c> for each request's list of it.</summary>
    internal static class NamedKeys
    {
        private static readonly Lazy<IReadOnlyDictionary<string, HashSet<string>>> Keys = new(Scan);
        private static readonly Dictionary<string, ModuleDefinition> Modules = [];

        public static IReadOnlyDictionary<string, HashSet<string>> Read() => Keys.Value;

        public static ModuleDefinition Module(Assembly assembly)
        {
            lock (Modules)
            {
                if (!Modules.TryGetValue(assembly.Location, out var module))
                {
                    var resolver = new DefaultAssemblyResolver();
                    resolver.AddSearchDirectory(Path.GetDirectoryName(assembly.Location)!);
                    Modules[assembly.Location] = module = ModuleDefinition.ReadModule(assembly.Location, new ReaderParameters { AssemblyResolver = resolver });
                }

                return module;
            }
        }

        /// <summary>A method that refuses a request's property, or hands a property expression to a helper that does
        /// (validators' own rules are read from their descriptors instead).</summary>
        private static bool RefusesAProperty(MethodDefinition method) =>
            method.HasBody && method.Body.Instructions.Any(i => i.OpCode.FlowControl == FlowControl.Call && i.Operand is MethodReference called
                && (called.DeclaringType.Namespace == "Phso.SharedKernel.Messaging" && called.DeclaringType.Name is "RequestValidationException" or "RequestErrors`1"
                    || (!called.DeclaringType.Namespace.StartsWith("FluentValidation", StringComparison.Ordinal) && !called.DeclaringType.Namespace.StartsWith("Microsoft.", StringComparison.Ordinal)
                        && called.Parameters.Any(p => p.ParameterType is GenericInstanceType { ElementType.FullName: "System.Linq.Expressions.Expression`1" }))));

        private static Dictionary<string, HashSet<string>> Scan()
        {
            var byType = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var assemblies = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("Phso.Modules.", StringComparison.Ordinal) == true).ToList();
            foreach (var module in assemblies.Select(Module))
            {
                foreach (var instruction in module.Types.SelectMany(AllTypes).SelectMany(t => t.Methods).Where(RefusesAProperty).SelectMany(m => m.Body.Instructions))
                {
                    if (instruction.OpCode == OpCodes.Ldtoken && instruction.Operand is MethodReference { Name: var name } getter && name.StartsWith("get_", StringComparison.Ordinal))
                    {
                        var declaring = getter.DeclaringType.FullName.Replace('/', '+');
                        (byType.TryGetValue(declaring, out var names) ? names : byType[declaring] = new(StringComparer.Ordinal)).Add(name[4..]);
                    }
                }
            }

            // A getter of a list's item type names a key under each list of that type a request carries.
            var requests = assemblies.SelectMany(a => a.GetTypes()).Where(t => typeof(IBaseRequest).IsAssignableFrom(t));
            foreach (var request in requests)
            {
                foreach (var list in request.GetProperties().Where(p => p.PropertyType != typeof(string) && p.PropertyType.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType)))
                {
                    var item = list.PropertyType.GetGenericArguments()[^1];
                    if (byType.TryGetValue(item.FullName ?? "", out var itemNames))
                    {
                        var key = request.FullName!;
                        (byType.TryGetValue(key, out var names) ? names : byType[key] = new(StringComparer.Ordinal))
                            .UnionWith(itemNames.Select(n => $"{list.Name}[*].{n}"));
                    }
                }
            }

            return byType;
        }
    }
}
