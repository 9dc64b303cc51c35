using System.Data.Common;
using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Phso.SharedKernel.Auditing;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;
using Quartz;

namespace Phso.SharedKernel.Modules;

/// <summary>How a host is composed from its modules. The host calls these; modules never do.</summary>
public static class ModularMonolith
{
    /// <summary>Configuration key listing assemblies, besides the host's Phso.Modules.* dependencies, to look for
    /// modules in (tests use it to add their test-only modules).</summary>
    public const string AdditionalModuleAssembliesKey = "Modules:AdditionalAssemblies";

    /// <summary>Finds the modules (a Scrutor scan for <see cref="IModule"/>), wires MediatR and the pipeline,
    /// registers each module's handlers and validators, and lets each module register its services.</summary>
    public static ModuleCatalogue AddModularMonolith(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var catalogue = ModuleCatalogue.Create(DiscoverModules(configuration));
        services.AddSingleton(catalogue);
        services.AddSharedKernel(configuration, environment);
        services.AddMediatorPipeline();
        foreach (var module in catalogue.Modules)
        {
            services.AddSingleton(module.Module);
            services.AddHandlersAndValidators(module.Assembly);
            module.Module.ConfigureServices(new ModuleContext(module, services, configuration, environment));
        }

        services.AddSingleton(new IntegrationEventTypes(catalogue));
        services.AddSingleton<MigrationState>();
        services.AddSingleton<ModuleDatabasesHealthCheck>();
        services.AddHealthChecks().AddCheck<ModuleDatabasesHealthCheck>("databases", tags: [ModuleDatabasesHealthCheck.ReadyTag]);
        return catalogue;
    }

    internal static IReadOnlyList<IModule> DiscoverModules(IConfiguration configuration)
    {
        var additional = configuration.GetSection(AdditionalModuleAssembliesKey).Get<string[]>() ?? [];
        var found = new ServiceCollection();
        found.Scan(scan => scan
            .FromApplicationDependencies(assembly => IsModuleAssembly(assembly.GetName().Name))
            .AddClasses(classes => classes.AssignableTo<IModule>(), publicOnly: false)
            .As<IModule>()
            .WithSingletonLifetime());
        if (additional.Length > 0)
        {
            found.Scan(scan => scan
                .FromAssemblies(additional.Select(name => Assembly.Load(name)))
                .AddClasses(classes => classes.AssignableTo<IModule>(), publicOnly: false)
                .As<IModule>()
                .WithSingletonLifetime());
        }

        return found
            .Select(d => d.ImplementationType)
            .OfType<Type>()
            .Where(t => !t.IsAbstract)
            .Distinct()
            .Select(t => (IModule)Activator.CreateInstance(t, nonPublic: true)!)
            .ToList();
    }

    private static bool IsModuleAssembly(string? name) =>
        name is not null && name.StartsWith("Phso.Modules.", StringComparison.Ordinal) && !name.EndsWith(".Contracts", StringComparison.Ordinal);

    /// <summary>MediatR 5 has no AddMediatR: the service factory, the mediator and the pipeline are registered here.
    /// Behaviours run in registration order, outermost first.</summary>
    public static IServiceCollection AddMediatorPipeline(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => type => provider.GetService(type)!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorisationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));
        return services;
    }

    /// <summary>Registers every request handler, notification handler and validator in the assembly (internal ones
    /// included: handlers are internal by rule).</summary>
    public static IServiceCollection AddHandlersAndValidators(this IServiceCollection services, Assembly assembly)
    {
        Type[] handlerDefinitions = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];
        services.Scan(scan => scan
            .FromAssemblies(assembly)
            .AddClasses(classes => classes.AssignableToAny(handlerDefinitions), publicOnly: false)
            .AsImplementedInterfaces(i => i.IsGenericType && handlerDefinitions.Contains(i.GetGenericTypeDefinition()))
            .WithScopedLifetime());
        services.Scan(scan => scan
            .FromAssemblies(assembly)
            .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .WithScopedLifetime());
        return services;
    }

    private static void AddSharedKernel(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IWorkingDayCalendar>(_ =>
        {
            var overrides = configuration["WorkingDays:OverridesFile"];
            return WorkingDayCalendar.Create(string.IsNullOrWhiteSpace(overrides) ? null : Path.Combine(environment.ContentRootPath, overrides));
        });
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(provider => provider.GetRequiredService<CurrentUser>());
        services.AddScoped<CorrelationContext>();
        services.AddScoped<UnitOfWorkContext>();
        services.AddScoped<UnitOfWorkInterceptor>();
        services.AddScoped<ScopedConnection>();
        services.AddScoped<AmbientTransactionInterceptor>();
        var database = DatabaseSettings.From(configuration, environment, DataFolder(configuration, environment));
        services.AddSingleton(database);
        services.AddSingleton<ITextSearch>(new TextSearch(database.Provider));
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<OutboxAdministration>();
        services.AddScoped<AuditTrailReader>();
        services.AddScoped<Web.PublicUrls>();
        services.AddScoped<Web.NavigationForUser>();
    }

    /// <summary>The folder for the database, mail pickup and keys: Data:Folder (default "data") under the content root.</summary>
    public static string DataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration?["Data:Folder"] is { Length: > 0 } folder ? folder : "data"));
    }

    /// <summary>Schedules the outbox delivery job and every module's jobs.</summary>
    public static void AddModuleJobs(this IQuartzBuilder quartz, ModuleCatalogue catalogue, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(catalogue);
        var poll = configuration.GetValue("Outbox:PollIntervalSeconds", 2);
        if (poll > 0)
        {
            quartz.ScheduleJob<DeliverIntegrationEventsJob>(
                trigger => trigger.WithIdentity("deliver-integration-events").WithSimpleSchedule(TimeSpan.FromSeconds(poll), null),
                job => job.WithIdentity(DeliverIntegrationEventsJob.Key));
        }

        foreach (var module in catalogue.Modules)
        {
            module.Module.ConfigureJobs(quartz, configuration);
        }
    }

    /// <summary>Puts a SQLite database in WAL mode, migrates every module's DbContexts in dependency order, and, when asked
    /// (never in Production), writes each module's demo data.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken)
    {
        var catalogue = services.GetRequiredService<ModuleCatalogue>();
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (seedDemoData && environment.IsProduction())
        {
            throw new DatabaseNotPreparedException("Demo data cannot be written in Production. Remove --demo (or Demo:Seed) from the command or configuration.");
        }

        var database = services.GetRequiredService<DatabaseSettings>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var module in catalogue.Modules)
        {
            foreach (var contextType in module.DbContextTypes)
            {
                await using var scope = services.CreateAsyncScope();
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
                try
                {
                    await context.Database.MigrateAsync(cancellationToken);
                }
                catch (DbException failed)
                {
                    // Most likely a database made before the migration history restarted (docs/adr/0010): say so
                    // rather than leave only "table already exists".
                    var unknown = await MigrationsThisBuildLacksAsync(context, cancellationToken);
                    if (unknown.Count == 0)
                    {
                        throw;
                    }

                    throw new DatabaseNotPreparedException(failed,
                        $"The {module.Module.Name} tables in this database were made by migrations this build does not have ({string.Join(", ", unknown)}). " +
                        "If it is a development or demo database, delete it (by default the data folder's phso.db) and start again; otherwise run the build that made it.");
                }
            }
        }

        await Scheduling.SchedulerSetup.PrepareSchemaAsync(database, cancellationToken);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await database.RefreshPlannerStatisticsAsync(all: false, cancellationToken);
        }

        // Checked once now, so a readiness probe never asks again.
        await services.GetRequiredService<MigrationState>().ProblemsAsync(services, cancellationToken);
        if (!seedDemoData)
        {
            return;
        }

        foreach (var module in catalogue.Modules)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("demo data");
            scope.ServiceProvider.GetRequiredService<UnitOfWorkContext>().Operation = "SeedDemoData";
            await module.Module.SeedDemoDataAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<string>> MigrationsThisBuildLacksAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(context.Database.GetMigrations())];
        }
        catch (DbException)
        {
            return [];
        }
    }
}

/// <summary>Whether every module's migrations are applied, checked once (at start-up, after migrating, or at the first
/// readiness check if a host did not migrate), never on every health check: asking EF for pending migrations reads
/// every module's history table.</summary>
public sealed class MigrationState(ModuleCatalogue catalogue) : IDisposable
{
    private readonly SemaphoreSlim _checking = new(1, 1);
    private IReadOnlyList<string>? _problems;

    /// <summary>What keeps this host from being ready: a module database with migrations waiting.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (_problems is { } known)
        {
            return known;
        }

        await _checking.WaitAsync(cancellationToken);
        try
        {
            if (_problems is null)
            {
                var problems = new List<string>();
                foreach (var contextType in catalogue.Modules.SelectMany(m => m.DbContextTypes))
                {
                    await using var scope = services.CreateAsyncScope();
                    var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
                    if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                    {
                        problems.Add($"{contextType.Name} has migrations waiting");
                    }
                }

                _problems = problems;
            }

            return _problems;
        }
        finally
        {
            _checking.Release();
        }
    }

    public void Dispose() => _checking.Dispose();
}

/// <summary>/health/ready (and /health): each database answers a trivial query, and the module migrations were found
/// applied when checked (once). /health/live runs no check at all: the process answers.</summary>
public sealed class ModuleDatabasesHealthCheck(IServiceProvider services, ModuleCatalogue catalogue, MigrationState migrations) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>(await migrations.ProblemsAsync(services, cancellationToken));
        await using var scope = services.CreateAsyncScope();
        foreach (var contextType in OnePerDatabase(scope.ServiceProvider))
        {
            try
            {
                await ((DbContext)scope.ServiceProvider.GetRequiredService(contextType)).Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                problems.Add($"{contextType.Name}'s database does not answer: {e.Message}");
            }
        }

        return problems.Count == 0 ? HealthCheckResult.Healthy("Every module database answers and is migrated.") : HealthCheckResult.Unhealthy(string.Join("; ", problems));
    }

    private IReadOnlyList<Type>? _onePerDatabase;

    /// <summary>One module context for each distinct database (today every module shares one), found once.</summary>
    private IReadOnlyList<Type> OnePerDatabase(IServiceProvider scoped) => _onePerDatabase ??=
        [.. catalogue.Modules.SelectMany(m => m.DbContextTypes)
            .GroupBy(t => ((DbContext)scoped.GetRequiredService(t)).Database.GetConnectionString() ?? t.Name, StringComparer.Ordinal)
            .Select(g => g.First())];
}

/// <summary>The database cannot be made ready for this build; the message says what to do. The host prints it and
/// exits rather than start.</summary>
public sealed class DatabaseNotPreparedException : Exception
{
    public DatabaseNotPreparedException(string message)
        : base(message)
    {
    }

    public DatabaseNotPreparedException(Exception cause, string message)
        : base(message, cause)
    {
    }
}
