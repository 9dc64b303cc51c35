using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Phso.SharedKernel.Modules;
using Quartz;

namespace Phso.Modular.Tests.Host;

public sealed class CompositionTests
{
    private sealed class FakeModule(string name, params string[] dependsOn) : IModule
    {
        public string Name => name;
        public string Title => name;
        public IReadOnlyCollection<string> DependsOn => dependsOn;
        public IReadOnlyList<NavigationLink> Navigation => [];
        public IReadOnlyList<ModuleCommand> Commands => [];
        public void ConfigureServices(ModuleContext context) { }
        public void MapEndpoints(IEndpointRouteBuilder endpoints) { }
        public void ConfigureJobs(IQuartzBuilder quartz, IConfiguration configuration) { }
        public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<string?> SeedScaleDataAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    [Fact]
    public void Modules_are_ordered_after_the_modules_they_depend_on()
    {
        var catalogue = ModuleCatalogue.Create([new FakeModule("training", "accounts"), new FakeModule("accounts", "organisations"), new FakeModule("organisations")]);
        Assert.Equal(["organisations", "accounts", "training"], catalogue.Modules.Select(m => m.Name));
    }

    [Fact]
    public void A_missing_dependency_stops_start_up_naming_the_module_and_what_to_do()
    {
        var error = Assert.Throws<ModuleCompositionException>(() => ModuleCatalogue.Create([new FakeModule("training", "accounts")]));
        Assert.Equal("Module 'training' depends on 'accounts', which this host does not include. Add a project reference to the missing module in host/Phso.Host.", error.Message);
    }

    [Fact]
    public void A_dependency_cycle_stops_start_up_showing_the_cycle()
    {
        var error = Assert.Throws<ModuleCompositionException>(() => ModuleCatalogue.Create([new FakeModule("a", "b"), new FakeModule("b", "c"), new FakeModule("c", "a")]));
        Assert.Contains("a -> b -> c -> a", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Organisations")]
    [InlineData("my-module")]
    [InlineData("")]
    public void A_module_name_must_be_usable_as_a_table_prefix(string name)
    {
        var error = Assert.Throws<ModuleCompositionException>(() => ModuleCatalogue.Create([new FakeModule(name)]));
        Assert.Contains("lower-case letters and digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_modules_with_one_name_are_refused()
    {
        var error = Assert.Throws<ModuleCompositionException>(() => ModuleCatalogue.Create([new FakeModule("a"), new FakeModule("a")]));
        Assert.Contains("Two modules are named 'a'", error.Message, StringComparison.Ordinal);
    }
}
