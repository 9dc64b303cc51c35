using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Quartz;

namespace Phso.SharedKernel.Scheduling;

/// <summary>
/// Quartz for the whole host. On SQLite (one host) the schedule lives in memory. On PostgreSQL it lives in Quartz's
/// own clustered ADO job store, in the "quartz" schema, so that hosts sharing the database share one schedule: each
/// firing of a trigger goes to one host, a job marked [DisallowConcurrentExecution] runs on one host at a time, and
/// a host that stops is noticed by the others, which take over its work.
/// </summary>
public static class SchedulerSetup
{
    /// <summary>Every host of a deployment uses this name; Quartz clusters the hosts that share it.</summary>
    public const string SchedulerName = "Phso.Modular";

    public const string Schema = "quartz";

    public static IServiceCollection AddScheduler(this IServiceCollection services, DatabaseSettings database, ModuleCatalogue catalogue, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddQuartz(quartz =>
        {
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                // Each host gets its own instance id; the cluster is the set of live ids in qrtz_scheduler_state.
                quartz.ConfigureScheduler(scheduler =>
                {
                    scheduler.InstanceName = SchedulerName;
                    scheduler.GenerateInstanceId = true;
                });
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.ConfigureStore(options => options.TablePrefix = $"{Schema}.qrtz_");
                    store.ProvisionSchema();
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:CheckinIntervalSeconds", 7));
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:CheckinMisfireThresholdSeconds", 20));
                    });
                });
            }

            quartz.AddModuleJobs(catalogue, configuration);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Makes the "quartz" schema (PostgreSQL only); Quartz creates its own tables in it when they are missing
    /// (ProvisionSchema) and checks them at every start, so a Quartz upgrade that changes them says which of its
    /// migration scripts to run.</summary>
    public static async Task PrepareSchemaAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {Schema}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
