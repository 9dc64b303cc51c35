namespace Phso.Architecture.Tests;

public sealed class ArchitectureTests
{
    private static readonly IReadOnlyList<AssemblyFacts> Product = ProductAssemblies.All;

    private static readonly AssemblyFacts Planted = AssemblyFacts.Read(typeof(Planted.PlantedPublicHandler).Assembly.Location);

    private static AssemblyFacts Fake(string name, params string[] references) => new(name, references, [], []);

    [Fact]
    public void The_product_assemblies_are_all_found()
    {
        var names = Product.Select(a => a.Name).ToList();
        Assert.Contains("Phso.Host", names);
        Assert.Contains("Phso.SharedKernel", names);
        Assert.Contains("Phso.Modules.Organisations", names);
        Assert.Contains("Phso.Modules.Organisations.Contracts", names);
        Assert.Contains("Phso.Modules.Accounts", names);
        Assert.Contains("Phso.Modules.Notifications", names);
    }

    [Fact]
    public void Modules_reference_other_modules_only_through_their_contracts() =>
        Assert.Empty(ArchitectureRules.ModulesReferenceOtherModulesOnlyThroughContracts(Product));

    [Fact]
    public void A_module_referencing_another_modules_implementation_is_reported() =>
        Assert.Equal(
            ["Phso.Modules.Training references Phso.Modules.Accounts, the implementation of another module. Reference Phso.Modules.Accounts.Contracts instead."],
            ArchitectureRules.ModulesReferenceOtherModulesOnlyThroughContracts([Fake("Phso.Modules.Training", "Phso.Modules.Accounts", "Phso.Modules.Accounts.Contracts", "Phso.Modules.Training.Contracts")]));

    [Fact]
    public void Contracts_reference_no_module() => Assert.Empty(ArchitectureRules.ContractsReferenceNoModule(Product));

    [Fact]
    public void Contracts_referencing_a_module_are_reported() =>
        Assert.Equal(
            ["Phso.Modules.Training.Contracts references Phso.Modules.Training. A contracts assembly may reference only the shared kernel."],
            ArchitectureRules.ContractsReferenceNoModule([Fake("Phso.Modules.Training.Contracts", "Phso.Modules.Training", "Phso.SharedKernel")]));

    [Fact]
    public void Each_module_is_two_projects() => Assert.Empty(ArchitectureRules.ModulesHaveTwoProjects(Product));

    [Fact]
    public void A_third_project_for_a_module_is_reported() =>
        Assert.Equal(
            ["Phso.Modules.Training.Domain is a third project for module Training. A module has two: Phso.Modules.Training and its .Contracts."],
            ArchitectureRules.ModulesHaveTwoProjects([Fake("Phso.Modules.Training"), Fake("Phso.Modules.Training.Contracts"), Fake("Phso.Modules.Training.Domain")]));

    [Fact]
    public void Handlers_are_internal() => Assert.Empty(ArchitectureRules.HandlersAreInternal(Product));

    [Fact]
    public void A_public_handler_is_reported_by_name() =>
        Assert.Contains(
            "Phso.Architecture.Tests.Planted.PlantedPublicHandler in Phso.Modules.Planted is a public handler. Make it internal.",
            ArchitectureRules.HandlersAreInternal([Planted with { Name = "Phso.Modules.Planted" }]));

    [Fact]
    public void The_host_contains_no_business_logic() => Assert.Empty(ArchitectureRules.HostHasNoBusinessLogic(Product));

    [Fact]
    public void Business_logic_in_the_host_is_reported_by_name()
    {
        var violations = ArchitectureRules.HostHasNoBusinessLogic([Planted with { Name = "Phso.Host" }]).ToList();
        Assert.Contains("Phso.Architecture.Tests.Planted.PlantedPublicHandler in the host is a MediatR handler. Business logic belongs in a module.", violations);
        Assert.Contains("Phso.Architecture.Tests.Planted.PlantedRequest in the host is a request. Business logic belongs in a module.", violations);
    }

    [Fact]
    public void The_shared_kernel_references_no_module() => Assert.Empty(ArchitectureRules.SharedKernelReferencesNoModule(Product));

    [Fact]
    public void A_shared_kernel_referencing_a_module_is_reported() =>
        Assert.Equal(
            ["Phso.SharedKernel references Phso.Modules.Accounts.Contracts. The shared kernel must not depend on a module or the host."],
            ArchitectureRules.SharedKernelReferencesNoModule([Fake("Phso.SharedKernel", "MediatR", "Phso.Modules.Accounts.Contracts")]));

    [Fact]
    public void The_sdk_references_only_the_base_library()
    {
        Assert.Contains(Product, a => a.Name == "Phso.Plugins.Abstractions");
        Assert.Empty(ArchitectureRules.SdkReferencesOnlyTheBaseLibrary(Product));
    }

    [Fact]
    public void An_sdk_referencing_the_host_or_a_framework_is_reported() =>
        Assert.Equal(
            [
                "Phso.Plugins.Abstractions references Phso.SharedKernel. The plugin SDK may use only the .NET base library, so plugins see nothing of the host.",
                "Phso.Plugins.Abstractions references Microsoft.AspNetCore.Http.Abstractions. The plugin SDK may use only the .NET base library, so plugins see nothing of the host.",
            ],
            ArchitectureRules.SdkReferencesOnlyTheBaseLibrary([Fake("Phso.Plugins.Abstractions", "System.Runtime", "Phso.SharedKernel", "Microsoft.AspNetCore.Http.Abstractions")]));

    [Fact]
    public void Built_plugins_reference_only_the_sdk()
    {
        Assert.True(ProductAssemblies.Plugins().Count >= 2, "The sample plugins under plugins/ were not found built");
        Assert.Empty(ArchitectureRules.PluginsReferenceOnlyTheSdk(ProductAssemblies.Plugins()));
    }

    [Fact]
    public void A_plugin_referencing_more_than_the_sdk_is_reported() =>
        Assert.Equal(
            [
                "Plugin Acme.LocalStandard references Phso.SharedKernel. A plugin may reference only Phso.Plugins.Abstractions.",
                "Plugin Acme.LocalStandard references Microsoft.EntityFrameworkCore. A plugin may reference only Phso.Plugins.Abstractions.",
            ],
            ArchitectureRules.PluginsReferenceOnlyTheSdk([Fake("Acme.LocalStandard", "System.Runtime", "Phso.Plugins.Abstractions", "Phso.SharedKernel", "Microsoft.EntityFrameworkCore")]));

    [Fact]
    public void Every_request_declares_who_may_send_it() => Assert.Empty(ArchitectureRules.RequestsDeclareAPolicy(Product));

    [Fact]
    public void A_request_without_a_policy_is_reported_by_name() =>
        Assert.Contains(
            "Phso.Architecture.Tests.Planted.PlantedRequest declares neither [RequiresPolicy] nor [AnyCaller].",
            ArchitectureRules.RequestsDeclareAPolicy([Planted with { Name = "Phso.Modules.Planted" }]));

    [Fact]
    public void Time_comes_from_TimeProvider_everywhere() => Assert.Empty(ArchitectureRules.TimeComesFromTimeProvider(Product));

    [Fact]
    public void Reading_the_system_clock_is_reported_by_type_and_method() =>
        Assert.Contains(
            "Phso.Architecture.Tests.Planted.PlantedClockReader.WhatTimeIsIt in Phso.Architecture.Tests reads the system clock directly. Inject TimeProvider instead.",
            ArchitectureRules.TimeComesFromTimeProvider([Planted]));

    [Fact]
    public void Every_module_folder_has_a_readme_saying_what_it_owns_publishes_and_listens_to() =>
        Assert.Empty(ModuleReadmes.Check(Path.Combine(ProductAssemblies.RepositoryRoot, "modules")));

    [Fact]
    public void A_module_folder_without_a_proper_readme_is_reported()
    {
        var folder = Directory.CreateTempSubdirectory("phso-modules-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "silent"));
            Directory.CreateDirectory(Path.Combine(folder.FullName, "partial"));
            File.WriteAllText(Path.Combine(folder.FullName, "partial", "README.md"), "# Partial\n## Owns\nThings.\n");
            Assert.Equal(
                ["partial/README.md has no \"## Listens to\" section", "partial/README.md has no \"## Publishes\" section", "silent has no README.md"],
                ModuleReadmes.Check(folder.FullName).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
