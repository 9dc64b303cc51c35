using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Phso.SharedKernel.Persistence;

namespace Phso.SharedKernel.Modules;

/// <summary>What a module sees while it registers its services.</summary>
public sealed class ModuleContext
{
    internal ModuleContext(ModuleDescriptor module, IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        Module = module;
        Services = services;
        Configuration = configuration;
        Environment = environment;
    }

    public ModuleDescriptor Module { get; }
    public IServiceCollection Services { get; }
    public IConfiguration Configuration { get; }
    public IHostEnvironment Environment { get; }

    /// <summary>
    /// Registers one of the module's DbContexts on the shared database: the module's own migrations history table,
    /// the unit-of-work interceptor (audit trail, concurrency versions, outbox timestamps) and the SQLite pragmas.
    /// The first DbContext registered is the one the unit of work, outbox and inbox use.
    /// </summary>
    public void AddDbContext<TContext>()
        where TContext : DbContext, IModuleDbContext
    {
        var moduleName = Module.Name;
        Services.AddDbContext<TContext>((provider, options) =>
        {
            options.UseSqlite(provider.GetRequiredService<ScopedConnection>().Connection, sqlite => sqlite
                .MigrationsHistoryTable($"__migrations_{moduleName}")
                .MigrationsAssembly(typeof(TContext).Assembly.GetName().Name));
            options.AddInterceptors(provider.GetRequiredService<UnitOfWorkInterceptor>(), provider.GetRequiredService<AmbientTransactionInterceptor>(), SqliteConnectionPragmas.Instance);

            // Migrations are written by hand (docs/adr/0003-migrations.md), so there is no model snapshot to compare
            // with; MigrationsMatchModelTests proves each module's migrated schema equals its model instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        Module.AddDbContextType(typeof(TContext));
    }
}
