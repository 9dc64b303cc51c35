using Microsoft.EntityFrameworkCore;
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
    /// Registers one of the module's DbContexts on the shared database (SQLite or PostgreSQL, from Database:Provider):
    /// the module's own migrations history, the unit-of-work interceptor (audit trail, concurrency versions, outbox
    /// timestamps) and, on SQLite, the pragmas. <typeparamref name="TPostgreSqlContext"/> is the same context for
    /// PostgreSQL (an empty subclass), so that each engine has its own generated migrations and model snapshot in the
    /// module (Persistence/Migrations/Sqlite and /PostgreSql); the rest of the module only ever asks for
    /// <typeparamref name="TContext"/>. The first DbContext registered is the one the unit of work, outbox and inbox use.
    /// </summary>
    public void AddDbContext<TContext, TPostgreSqlContext>()
        where TContext : DbContext, IModuleDbContext
        where TPostgreSqlContext : TContext
    {
        var moduleName = Module.Name;
        var migrationsAssembly = typeof(TContext).Assembly.GetName().Name;
        if (DatabaseSettings.ProviderOf(Configuration[DatabaseSettings.ProviderSetting]) == DatabaseProvider.PostgreSql)
        {
            // Each module in a schema of its own, with its own migrations history there.
            Services.AddDbContext<TContext, TPostgreSqlContext>((provider, options) =>
            {
                options.UseNpgsql(provider.GetRequiredService<ScopedConnection>().Connection, npgsql => npgsql
                    .MigrationsHistoryTable("__migrations", moduleName).MigrationsAssembly(migrationsAssembly));
                options.AddInterceptors(provider.GetRequiredService<UnitOfWorkInterceptor>(), provider.GetRequiredService<AmbientTransactionInterceptor>());
            });
        }
        else
        {
            Services.AddDbContext<TContext>((provider, options) =>
            {
                options.UseSqlite(provider.GetRequiredService<ScopedConnection>().Connection, sqlite => sqlite
                    .MigrationsHistoryTable($"__migrations_{moduleName}").MigrationsAssembly(migrationsAssembly));
                options.AddInterceptors(provider.GetRequiredService<UnitOfWorkInterceptor>(), provider.GetRequiredService<AmbientTransactionInterceptor>(), SqliteConnectionPragmas.Instance);
            });
        }

        Module.AddDbContextType(typeof(TContext));
    }
}
