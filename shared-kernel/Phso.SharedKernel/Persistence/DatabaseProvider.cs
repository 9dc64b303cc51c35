using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Phso.SharedKernel.Persistence;

/// <summary>The database engines the platform runs on. SQLite is the default (nothing to install); PostgreSQL is for a
/// deployment of several hosts (docs/adr/0010-generated-migrations-and-postgresql.md).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Where the database is and which engine: <c>Database:Provider</c> (Sqlite or PostgreSQL) and
/// <c>ConnectionStrings:Phso</c> (for SQLite, by default phso.db in the data folder).</summary>
public sealed class DatabaseSettings(DatabaseProvider provider, string connectionString)
{
    public const string ProviderSetting = "Database:Provider";

    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    /// <summary>A new connection to the database, not yet open.</summary>
    public DbConnection CreateConnection() => Provider == DatabaseProvider.PostgreSql ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    /// <summary>Refreshes the statistics the query planner chooses indexes by. SQLite keeps none until asked (without
    /// them it counts the open queue through the wider stage index instead of the open queue's own): a SQLite host
    /// starting on a database without them samples a thousand rows of each index, and otherwise lets
    /// <c>PRAGMA optimize</c> refresh those of tables that have grown or shrunk a lot since (reading a large database
    /// cold for every start would slow it by tens of seconds). PostgreSQL's autovacuum keeps its own, but a bulk load
    /// refreshes them at once (<paramref name="all"/>: <c>seed-scale</c>).</summary>
    public async Task RefreshPlannerStatisticsAsync(bool all, CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            command.CommandText = "ANALYZE;";
        }
        else
        {
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
            var analysed = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
            command.CommandText = all || !analysed ? "PRAGMA analysis_limit = 1000; ANALYZE;" : "PRAGMA analysis_limit = 1000; PRAGMA optimize;";
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var provider = ProviderOf(configuration[ProviderSetting]);
        var configured = configuration.GetConnectionString("Phso");
        if (provider == DatabaseProvider.PostgreSql)
        {
            return new DatabaseSettings(provider, string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database:Provider is PostgreSQL: set ConnectionStrings:Phso (environment variable ConnectionStrings__Phso), for example \"Host=db;Database=phso;Username=phso;Password=…\".")
                : configured);
        }

        var builder = new SqliteConnectionStringBuilder(configured ?? $"Data Source={Path.Combine(dataFolder, "phso.db")}");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(environment.ContentRootPath, builder.DataSource));
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return new DatabaseSettings(provider, builder.ToString());
    }

    public static DatabaseProvider ProviderOf(string? setting) => setting?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Database:Provider must be Sqlite or PostgreSQL, not \"{setting}\"."),
    };
}
