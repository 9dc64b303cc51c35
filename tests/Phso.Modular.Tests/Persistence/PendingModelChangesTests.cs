using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Phso.Host.Composition;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.TestModules.Sender;

namespace Phso.Modular.Tests.Persistence;

/// <summary>
/// Every module's model matches its latest generated migration, on each engine: a change to a model without
/// `bash .ci/add-migration` fails here (and would fail at start-up, where EF refuses to migrate a model with pending
/// changes). EF's own check compares the model with the module's snapshot; no database is needed.
/// </summary>
public sealed class PendingModelChangesTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSQL" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_module_model_has_a_migration_for_each_change(string provider)
    {
        var data = Directory.CreateTempSubdirectory("phso-model-");
        try
        {
            await using var app = PhsoApplication.Build([], Settings(provider, data.FullName), serving: false);
            AssertNoPendingChanges(app.Services, provider);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static void AssertNoPendingChanges(IServiceProvider services, string provider)
    {
        var contexts = services.GetRequiredService<ModuleCatalogue>().Modules.SelectMany(m => m.DbContextTypes).ToList();
        Assert.True(contexts.Count >= 8, $"Only {contexts.Count} module contexts were found.");

        var pending = new List<string>();
        foreach (var contextType in contexts)
        {
            using var scope = services.CreateScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
            Assert.Equal(provider == "PostgreSQL", context.Database.IsNpgsql());
            Assert.NotEmpty(context.Database.GetMigrations());
            if (context.Database.HasPendingModelChanges())
            {
                pending.Add(contextType.Name);
            }
        }

        Assert.True(pending.Count == 0, $"On {provider}, these models have changes no migration makes: {string.Join(", ", pending)}. Run bash .ci/add-migration <module> <Name>.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_model_change_without_a_migration_is_found(string provider)
    {
        using var context = provider == "PostgreSQL"
            ? new SenderPostgreSqlDbContext(new DbContextOptionsBuilder<SenderPostgreSqlDbContext>()
                .UseNpgsql("Host=localhost;Database=design_time_only").ReplaceService<IModelCustomizer, PlantedColumn>().Options)
            : new SenderDbContext(new DbContextOptionsBuilder<SenderDbContext>()
                .UseSqlite("Data Source=:memory:").ReplaceService<IModelCustomizer, PlantedColumn>().Options);

        Assert.True(context.Database.HasPendingModelChanges());
    }

    internal static Dictionary<string, string?> Settings(string provider, string dataFolder) => new()
    {
        [DatabaseSettings.ProviderSetting] = provider,
        ["ConnectionStrings:Phso"] = provider == "PostgreSQL" ? "Host=localhost;Database=design_time_only" : null,
        ["Data:Folder"] = dataFolder,
        ["Modules:AdditionalAssemblies:0"] = "Phso.TestModules.Sender",
        ["Modules:AdditionalAssemblies:1"] = "Phso.TestModules.Receiver",
    };

    /// <summary>A column the model gains with no migration to add it.</summary>
    private sealed class PlantedColumn(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Widget>().Property<string>("Colour").HasMaxLength(20);
        }
    }
}
