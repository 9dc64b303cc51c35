using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;

namespace Phso.Modular.Tests.Persistence;

/// <summary>
/// Migrations are written by hand (the EF design-time package cannot be restored here; docs/adr/0003-migrations.md).
/// This proves, for every module's DbContext, that applying its migrations gives exactly the schema EF would create
/// from its model, and tells the developer what EF expects when they differ.
/// </summary>
public sealed class MigrationsMatchModelTests : IClassFixture<MigrationsMatchModelTests.Host>
{
    private readonly Host _host;

    public MigrationsMatchModelTests(Host host) => _host = host;

    public sealed class Host : PhsoFactory
    {
        public Host() => WithTestModules = true;
    }

    public static TheoryData<string> ContextTypes()
    {
        using var host = new Host();
        return [.. host.Services.GetRequiredService<ModuleCatalogue>().Modules.SelectMany(m => m.DbContextTypes).Select(t => t.AssemblyQualifiedName!)];
    }

    [Theory]
    [MemberData(nameof(ContextTypes))]
    public void Migrations_create_exactly_the_schema_of_the_model(string contextTypeName)
    {
        var type = Type.GetType(contextTypeName, throwOnError: true)!;
        var folder = Path.Combine(_host.DataFolder, "schemas", type.Name);
        Directory.CreateDirectory(folder);
        var migrated = Path.Combine(folder, "migrated.db");
        var fromModel = Path.Combine(folder, "model.db");

        using (var context = Create(type, migrated))
        {
            context.Database.Migrate();
        }

        string expectedCode;
        using (var context = Create(type, fromModel))
        {
            context.Database.EnsureCreated();
            expectedCode = MigrationCodeWriter.Write(context);
        }

        var actual = SchemaSnapshot.Read(migrated);
        var expected = SchemaSnapshot.Read(fromModel);
        var differences = expected.Keys.Union(actual.Keys)
            .Where(table => expected.GetValueOrDefault(table) != actual.GetValueOrDefault(table))
            .Select(table => $"Table {table}:\n  the model says:\n    {expected.GetValueOrDefault(table, "(no such table)").Replace("\n", "\n    ", StringComparison.Ordinal)}\n  the migrations made:\n    {actual.GetValueOrDefault(table, "(no such table)").Replace("\n", "\n    ", StringComparison.Ordinal)}")
            .ToList();
        Assert.True(differences.Count == 0, $"{type.Name}: the migrations do not build the model's schema.\n{string.Join("\n", differences)}\n\nThe model's tables as MigrationBuilder calls (after CreateModuleInfrastructure):\n{expectedCode}");
    }

    [Theory]
    [MemberData(nameof(ContextTypes))]
    public void Every_table_a_module_maps_carries_its_prefix_so_modules_never_share_tables(string contextTypeName)
    {
        var type = Type.GetType(contextTypeName, throwOnError: true)!;
        using var scope = _host.Services.CreateScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(type);
        var prefix = ((IModuleDbContext)context).ModuleName + "_";
        var strays = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Where(t => !t.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Empty(strays);
    }

    private DbContext Create(Type contextType, string file)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        using var scope = _host.Services.CreateScope();
        var moduleName = ((IModuleDbContext)scope.ServiceProvider.GetRequiredService(contextType)).ModuleName;
        builder.UseSqlite($"Data Source={file};Pooling=False", sqlite => sqlite.MigrationsHistoryTable($"__migrations_{moduleName}").MigrationsAssembly(contextType.Assembly.GetName().Name))
            .UseApplicationServiceProvider(_host.Services)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
    }
}
