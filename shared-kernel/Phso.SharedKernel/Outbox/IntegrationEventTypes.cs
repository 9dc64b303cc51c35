using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Modules;

namespace Phso.SharedKernel.Persistence;

/// <summary>The integration event types the composed modules define, by the name stored in the outbox. The outbox
/// resolves stored names only through this list, never with Type.GetType on text from the database.</summary>
public sealed class IntegrationEventTypes
{
    private readonly Dictionary<string, Type> _byName;

    public IntegrationEventTypes(ModuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _byName = catalogue.Modules
            .SelectMany(m => new[] { m.Assembly, m.ContractsAssembly })
            .OfType<System.Reflection.Assembly>()
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .ToDictionary(NameOf, t => t, StringComparer.Ordinal);
    }

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public bool TryResolve(string name, out Type type) => _byName.TryGetValue(name, out type!);
}
