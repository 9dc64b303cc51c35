namespace Phso.Architecture.Tests;

/// <summary>
/// The rules of docs/architecture.md ("What the architecture tests enforce"), as functions from assemblies to
/// violations (empty when the rule holds). Each violation names the assembly or type at fault and says what to do.
/// </summary>
public static class ArchitectureRules
{
    private const string ModulePrefix = "Phso.Modules.";
    private const string ContractsSuffix = ".Contracts";
    private const string Sdk = "Phso.Plugins.Abstractions";
    private const string RequestHandler = "MediatR.IRequestHandler`2";
    private const string NotificationHandler = "MediatR.INotificationHandler`1";

    public static bool IsModuleAssembly(string name) => name.StartsWith(ModulePrefix, StringComparison.Ordinal);

    /// <summary>The module a module assembly belongs to: Phso.Modules.Accounts.Contracts belongs to "Accounts".</summary>
    public static string ModuleOf(string assemblyName) => assemblyName[ModulePrefix.Length..].Split('.')[0];

    public static bool IsContracts(string assemblyName) => assemblyName.EndsWith(ContractsSuffix, StringComparison.Ordinal);

    /// <summary>A module may use another module only through that module's .Contracts assembly.</summary>
    public static IEnumerable<string> ModulesReferenceOtherModulesOnlyThroughContracts(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies.Where(a => IsModuleAssembly(a.Name))
        from reference in assembly.References.Where(IsModuleAssembly)
        where ModuleOf(reference) != ModuleOf(assembly.Name) && !IsContracts(reference)
        select $"{assembly.Name} references {reference}, the implementation of another module. Reference {ModulePrefix}{ModuleOf(reference)}{ContractsSuffix} instead.";

    /// <summary>Contracts are the narrow public surface: they depend on no module at all, not even their own.</summary>
    public static IEnumerable<string> ContractsReferenceNoModule(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies.Where(a => IsModuleAssembly(a.Name) && IsContracts(a.Name))
        from reference in assembly.References.Where(IsModuleAssembly)
        select $"{assembly.Name} references {reference}. A contracts assembly may reference only the shared kernel.";

    /// <summary>Two projects per module: the module and its .Contracts.</summary>
    public static IEnumerable<string> ModulesHaveTwoProjects(IEnumerable<AssemblyFacts> assemblies) =>
        assemblies.Select(a => a.Name).Where(IsModuleAssembly)
            .Where(name => name[ModulePrefix.Length..].Contains('.', StringComparison.Ordinal) && !IsContracts(name))
            .Select(name => $"{name} is a third project for module {ModuleOf(name)}. A module has two: {ModulePrefix}{ModuleOf(name)} and its {ContractsSuffix}.");

    /// <summary>Handlers are internal: other modules reach them only by sending the contract's requests.</summary>
    public static IEnumerable<string> HandlersAreInternal(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies.Where(a => IsModuleAssembly(a.Name))
        from type in assembly.Types
        where type.IsPublic && type.Interfaces.Any(i => i is RequestHandler or NotificationHandler)
        select $"{type.FullName} in {assembly.Name} is a public handler. Make it internal.";

    /// <summary>One handler per request: a class handling several requests is several jobs in one place.</summary>
    public static IEnumerable<string> OneHandlerPerRequest(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies.Where(a => IsModuleAssembly(a.Name))
        from type in assembly.Types
        where type.HandledRequests.Count > 1
        select $"{type.FullName} handles {type.HandledRequests.Count} requests ({string.Join(", ", type.HandledRequests)}). Give each request a handler class of its own.";

    /// <summary>A module that uses another module's contracts says so in DependsOn, so the host refuses to start
    /// without it and migrates and seeds it first.</summary>
    public static IEnumerable<string> ModulesListWhatTheyUseInDependsOn(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies.Where(a => IsModuleAssembly(a.Name) && !IsContracts(a.Name))
        from module in assembly.Types.Where(t => t.Interfaces.Contains("Phso.SharedKernel.Modules.IModule") && t.Strings.ContainsKey("Name"))
        let dependsOn = module.Strings.GetValueOrDefault("DependsOn") ?? []
        from reference in assembly.References.Where(r => IsModuleAssembly(r) && IsContracts(r) && ModuleOf(r) != ModuleOf(assembly.Name))
        let needed = ModuleOf(reference).ToLowerInvariant()
        where !dependsOn.Contains(needed, StringComparer.OrdinalIgnoreCase)
        select $"{assembly.Name} uses {reference} but its module ({module.FullName}) does not list \"{needed}\" in DependsOn. Add it.";

    /// <summary>The host composes; it holds no handlers, validators, DbContexts, modules, requests or events.</summary>
    public static IEnumerable<string> HostHasNoBusinessLogic(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies.Where(a => a.Name == "Phso.Host")
        from type in assembly.Types
        let reason = BusinessLogicKind(type)
        where reason is not null
        select $"{type.FullName} in the host is {reason}. Business logic belongs in a module.";

    private static string? BusinessLogicKind(TypeFacts type) =>
        type.Interfaces.Any(i => i is RequestHandler or NotificationHandler) ? "a MediatR handler"
        : type.Interfaces.Contains("FluentValidation.IValidator`1") ? "a validator"
        : type.BaseTypes.Contains("Microsoft.EntityFrameworkCore.DbContext") ? "a DbContext"
        : type.Interfaces.Contains("Phso.SharedKernel.Modules.IModule") ? "a module"
        : type.Interfaces.Contains("MediatR.IRequest`1") ? "a request"
        : type.Interfaces.Contains("Phso.SharedKernel.Messaging.IIntegrationEvent") ? "an integration event"
        : null;

    /// <summary>The shared kernel is below every module: it references none of them, nor the host.</summary>
    public static IEnumerable<string> SharedKernelReferencesNoModule(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies.Where(a => a.Name.StartsWith("Phso.SharedKernel", StringComparison.Ordinal) || a.Name == Sdk)
        from reference in assembly.References.Where(r => IsModuleAssembly(r) || r == "Phso.Host")
        select $"{assembly.Name} references {reference}. The shared kernel must not depend on a module or the host.";

    /// <summary>The SDK carries no host, module, ASP.NET or EF Core types: only the .NET base library.</summary>
    public static IEnumerable<string> SdkReferencesOnlyTheBaseLibrary(IEnumerable<AssemblyFacts> assemblies) =>
        from sdk in assemblies.Where(a => a.Name == Sdk)
        from reference in sdk.References
        where reference is not ("netstandard" or "mscorlib") && !reference.StartsWith("System", StringComparison.Ordinal)
        select $"{Sdk} references {reference}. The plugin SDK may use only the .NET base library, so plugins see nothing of the host.";

    /// <summary>A plugin sees only the SDK (and the .NET base library).</summary>
    public static IEnumerable<string> PluginsReferenceOnlyTheSdk(IEnumerable<AssemblyFacts> plugins) =>
        from plugin in plugins
        from reference in plugin.References
        where reference != Sdk && reference is not ("netstandard" or "mscorlib") && !reference.StartsWith("System", StringComparison.Ordinal) && !reference.StartsWith("Microsoft.Win32", StringComparison.Ordinal)
        select $"Plugin {plugin.Name} references {reference}. A plugin may reference only {Sdk}.";

    /// <summary>Every request says who may send it: [RequiresPolicy] or [AnyCaller].</summary>
    public static IEnumerable<string> RequestsDeclareAPolicy(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies.Where(a => IsModuleAssembly(a.Name))
        from type in assembly.Types
        where type.Interfaces.Contains("MediatR.IRequest`1") && !type.FullName.StartsWith("MediatR.", StringComparison.Ordinal)
              && !type.Attributes.Any(a => a is "Phso.SharedKernel.Messaging.RequiresPolicyAttribute" or "Phso.SharedKernel.Messaging.AnyCallerAttribute")
              && !IsInterface(type)
        select $"{type.FullName} declares neither [RequiresPolicy] nor [AnyCaller].";

    private static bool IsInterface(TypeFacts type) => type.BaseTypes.Count == 0;

    /// <summary>A domain object knows rules, not forms: it refuses with a rule violation (a message about the record),
    /// never by naming a request's property. Input is refused by validators and handlers, keyed by the request.</summary>
    public static IEnumerable<string> DomainRefusesNoField(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies.Where(a => IsModuleAssembly(a.Name))
        from type in assembly.FieldRefusals
        where type.Contains(".Domain.", StringComparison.Ordinal)
        select $"{type} refuses a request's property. The domain raises RuleViolationException; check input in the request's validator or handler.";

    /// <summary>Time comes from TimeProvider, so it can be controlled: no DateTime.Now and friends.</summary>
    public static IEnumerable<string> TimeComesFromTimeProvider(IEnumerable<AssemblyFacts> assemblies) =>
        from assembly in assemblies
        from read in assembly.ClockReads
        select $"{read} in {assembly.Name} reads the system clock directly. Inject TimeProvider instead.";
}
