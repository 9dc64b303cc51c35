using System.Reflection;

namespace Phso.SharedKernel.Modules;

/// <summary>One module as the host composed it: its implementation, contracts and DbContexts.</summary>
public sealed class ModuleDescriptor
{
    private readonly List<Type> _dbContextTypes = [];

    internal ModuleDescriptor(IModule module)
    {
        Module = module;
        Assembly = module.GetType().Assembly;
        var contractsName = Assembly.GetName().Name + ".Contracts";
        var contracts = Assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == contractsName);
        ContractsAssembly = contracts is null ? null : Assembly.Load(contracts);
    }

    public IModule Module { get; }
    public string Name => Module.Name;
    public Assembly Assembly { get; }

    /// <summary>The module's <c>.Contracts</c> assembly, found by name among the assemblies it references.</summary>
    public Assembly? ContractsAssembly { get; }

    public IReadOnlyList<Type> DbContextTypes => _dbContextTypes;

    /// <summary>The DbContext the unit of work, the outbox and the inbox use for this module.</summary>
    public Type? PrimaryDbContextType => _dbContextTypes.FirstOrDefault();

    internal void AddDbContextType(Type type)
    {
        if (!_dbContextTypes.Contains(type))
        {
            _dbContextTypes.Add(type);
        }
    }

    public bool Owns(Assembly assembly) => assembly == Assembly || assembly == ContractsAssembly;

    public override string ToString() => Name;
}

/// <summary>The modules of this host, in dependency order (a module comes after every module it depends on).</summary>
public sealed class ModuleCatalogue
{
    private readonly Dictionary<Assembly, ModuleDescriptor> _byAssembly = [];

    private ModuleCatalogue(IReadOnlyList<ModuleDescriptor> modules)
    {
        Modules = modules;
        foreach (var module in modules)
        {
            _byAssembly[module.Assembly] = module;
            if (module.ContractsAssembly is not null)
            {
                _byAssembly[module.ContractsAssembly] = module;
            }
        }
    }

    public IReadOnlyList<ModuleDescriptor> Modules { get; }

    /// <summary>The module that owns a type (declared in the module's assembly or its contracts), or null.</summary>
    public ModuleDescriptor? FindOwnerOf(Type type) => _byAssembly.GetValueOrDefault(type.Assembly);

    public ModuleDescriptor? Find(string name) => Modules.FirstOrDefault(m => m.Name == name);

    /// <summary>Builds the catalogue, refusing duplicate names, missing dependencies and cycles with a message that names them.</summary>
    public static ModuleCatalogue Create(IEnumerable<IModule> modules)
    {
        var byName = new Dictionary<string, ModuleDescriptor>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (string.IsNullOrWhiteSpace(module.Name) || module.Name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))))
            {
                throw new ModuleCompositionException($"Module {module.GetType().FullName} has the name '{module.Name}'; a module name must be lower-case letters and digits, because it is also the table prefix.");
            }

            if (!byName.TryAdd(module.Name, new ModuleDescriptor(module)))
            {
                throw new ModuleCompositionException($"Two modules are named '{module.Name}': {byName[module.Name].Module.GetType().FullName} and {module.GetType().FullName}.");
            }
        }

        foreach (var module in byName.Values)
        {
            var missing = module.Module.DependsOn.Where(d => !byName.ContainsKey(d)).ToList();
            if (missing.Count > 0)
            {
                throw new ModuleCompositionException($"Module '{module.Name}' depends on {string.Join(", ", missing.Select(m => $"'{m}'"))}, which this host does not include. Add a project reference to the missing module in host/Phso.Host.");
            }
        }

        var ordered = new List<ModuleDescriptor>();
        var state = new Dictionary<string, bool>(); // false = visiting, true = done
        foreach (var name in byName.Keys.Order(StringComparer.Ordinal))
        {
            Visit(name, []);
        }

        return new ModuleCatalogue(ordered);

        void Visit(string name, List<string> path)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    throw new ModuleCompositionException($"Modules depend on each other in a cycle: {string.Join(" -> ", path.Append(name))}.");
                }

                return;
            }

            state[name] = false;
            foreach (var dependency in byName[name].Module.DependsOn.Order(StringComparer.Ordinal))
            {
                Visit(dependency, [.. path, name]);
            }

            state[name] = true;
            ordered.Add(byName[name]);
        }
    }
}

/// <summary>The host cannot be composed from the modules it found.</summary>
public sealed class ModuleCompositionException(string message) : Exception(message);
