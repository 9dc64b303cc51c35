namespace Phso.Architecture.Tests;

public sealed class ArchitectureTests
{
    private static readonly IReadOnlyList<AssemblyFacts> Product = ProductAssemblies.All;

    private static readonly AssemblyFacts Planted = AssemblyFacts.Read(typeof(Planted.PlantedPublicHandler).Assembly.Location);

    private static AssemblyFacts Fake(string name, params string[] references) => new(name, references, [], [], []);

    /// <summary>Every module folder's two projects are among the assemblies the rules read (the list comes from
    /// modules/, so a new module cannot be left out of the rules, or out of the host).</summary>
    [Fact]
    public void The_product_assemblies_are_all_found()
    {
        var names = Product.Select(a => a.Name).ToList();
        Assert.Contains("Phso.Host", names);
        Assert.Contains("Phso.SharedKernel", names);
        var projects = Directory.GetDirectories(Path.Combine(ProductAssemblies.RepositoryRoot, "modules"))
            .SelectMany(Directory.GetDirectories)
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("Phso.Modules.", StringComparison.Ordinal))
            .ToList();
        Assert.True(projects.Count >= 12, $"Only {projects.Count} module projects were found under modules/.");
        Assert.All(projects, project => Assert.Contains(project, names));
    }

    [Fact]
    public void Each_request_has_a_handler_class_of_its_own() => NoViolations(ArchitectureRules.OneHandlerPerRequest(Product));

    [Fact]
    public void A_class_handling_two_requests_is_reported_by_name() =>
        Assert.Contains(
            "Phso.Architecture.Tests.Planted.PlantedDoubleHandler handles 2 requests (PlantedRequest, PlantedOtherRequest). Give each request a handler class of its own.",
            ArchitectureRules.OneHandlerPerRequest([Planted with { Name = "Phso.Modules.Planted" }]));

    [Fact]
    public void A_module_lists_every_module_whose_contracts_it_uses() => NoViolations(ArchitectureRules.ModulesListWhatTheyUseInDependsOn(Product));

    [Fact]
    public void A_module_using_contracts_it_does_not_depend_on_is_reported() =>
        Assert.Equal(
            ["Phso.Modules.Planted uses Phso.Modules.Training.Contracts but its module (Phso.Architecture.Tests.Planted.PlantedModule) does not list \"training\" in DependsOn. Add it."],
            ArchitectureRules.ModulesListWhatTheyUseInDependsOn([Planted with { Name = "Phso.Modules.Planted", References = ["Phso.Modules.Accounts.Contracts", "Phso.Modules.Training.Contracts", "Phso.Modules.Planted.Contracts"] }]));

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
    public void The_domain_refuses_no_request_property() => Assert.Empty(ArchitectureRules.DomainRefusesNoField(Product));

    [Fact]
    public void A_domain_object_naming_a_field_is_reported() =>
        Assert.Equal(
            ["Phso.Architecture.Tests.Planted.Domain.PlantedDomainObject refuses a request's property. The domain raises RuleViolationException; check input in the request's validator or handler."],
            ArchitectureRules.DomainRefusesNoField([Planted with { Name = "Phso.Modules.Planted" }]));

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

    [Fact]
    public void The_modules_document_says_what_each_module_calls_publishes_and_listens_to() =>
        NoViolations(ModulesDocument.Differences(File.ReadAllText(Path.Combine(ProductAssemblies.RepositoryRoot, "docs", "modules.md")), ModulesDocument.Facts(Product)));

    /// <summary>Fails listing every violation in full (Assert.Empty cuts them short).</summary>
    private static void NoViolations(IEnumerable<string> violations)
    {
        var all = violations.ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));
    }

    [Fact]
    public void A_modules_document_that_drifted_is_reported_with_what_to_write()
    {
        var facts = new[] { new ModuleFacts("training", new HashSet<string> { "accounts", "plugins" }, new HashSet<string> { "CourseCompleted" }, new HashSet<string> { "PluginCoursesOffered (plugins)" }) };
        const string Document = "## training — learning\n\n- **Calls:** accounts\n- **Publishes:** `CourseCompleted`\n\n## coaching\n";
        Assert.Equal(
            [
                "docs/modules.md, training: write \"- **Calls:** accounts, plugins\" (it says accounts).",
                "docs/modules.md, training: write \"- **Listens to:** `PluginCoursesOffered` (plugins)\" (the line is missing).",
                "docs/modules.md describes \"coaching\", which is not a module of this build.",
            ],
            ModulesDocument.Differences(Document, facts));
    }
}
