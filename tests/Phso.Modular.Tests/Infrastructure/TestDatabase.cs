using Npgsql;

namespace Phso.Modular.Tests.Infrastructure;

/// <summary>
/// The engine the integration tests run on: SQLite (a file in each host's data folder) unless
/// PHSO_TEST_DATABASE=PostgreSQL, when each host gets a database of its own on the server that PHSO_TEST_POSTGRES
/// names (an account allowed to create databases), dropped when the host is disposed. .ci/test runs the tests once on
/// each engine.
/// </summary>
public static class TestDatabase
{
    private const string DatabaseNameFile = "postgresql-database";

    /// <summary>Databases made by this test run and not yet dropped: whatever a test leaves is dropped as the run ends.</summary>
    private static readonly HashSet<string> Created = [];

    static TestDatabase() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    public static bool OnPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable("PHSO_TEST_DATABASE"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every database this run makes starts so (PHSO_TEST_RUN names the run), so that .ci/test can drop
    /// whatever a run leaves without touching another's.</summary>
    public static string Prefix { get; } =
        $"phso_test_{(Environment.GetEnvironmentVariable("PHSO_TEST_RUN") is { Length: > 0 } run ? run : "local")}_";

    private static string Server =>
        Environment.GetEnvironmentVariable("PHSO_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : "Host=localhost;Username=phso_test;Password=phso_test;Database=postgres";

    /// <summary>The settings that point a host with this data folder at its database, creating the database on
    /// PostgreSQL the first time (a later host over the same folder, as after a restart, finds the same one).</summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataFolder)
    {
        if (!OnPostgreSql)
        {
            return new Dictionary<string, string?>();
        }

        Directory.CreateDirectory(dataFolder);
        var nameFile = Path.Combine(dataFolder, DatabaseNameFile);
        if (!File.Exists(nameFile))
        {
            var name = $"{Prefix}{Guid.NewGuid():N}";
            Execute($"CREATE DATABASE \"{name}\"");
            lock (Created)
            {
                Created.Add(name);
            }

            File.WriteAllText(nameFile, name);
        }

        var database = new NpgsqlConnectionStringBuilder(Server) { Database = File.ReadAllText(nameFile) };
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Phso"] = database.ConnectionString,
        };
    }

    /// <summary>Points a host with <paramref name="otherFolder"/> at the database of <paramref name="dataFolder"/>'s
    /// hosts (PostgreSQL; on SQLite each data folder has its own file).</summary>
    public static void Share(string dataFolder, string otherFolder)
    {
        SettingsFor(dataFolder);
        var nameFile = Path.Combine(dataFolder, DatabaseNameFile);
        if (File.Exists(nameFile))
        {
            Directory.CreateDirectory(otherFolder);
            File.Copy(nameFile, Path.Combine(otherFolder, DatabaseNameFile), overwrite: true);
        }
    }

    /// <summary>Drops the database a data folder's hosts used, if they were on PostgreSQL.</summary>
    public static void Drop(string dataFolder)
    {
        var nameFile = Path.Combine(dataFolder, DatabaseNameFile);
        if (!OnPostgreSql || !File.Exists(nameFile))
        {
            return;
        }

        DropDatabase(File.ReadAllText(nameFile));
    }

    /// <summary>Adds the settings for a data folder's database to settings a test passes to the host or its command line.</summary>
    public static Dictionary<string, string?> WithDatabaseFor(this Dictionary<string, string?> settings, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, value) in SettingsFor(dataFolder))
        {
            settings[key] = value;
        }

        return settings;
    }

    private static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        catch (PostgresException)
        {
            // Still in use by a server process this account may not stop (autovacuum): left for the end of the run.
            return;
        }

        lock (Created)
        {
            Created.Remove(name);
        }
    }

    private static void DropAll()
    {
        string[] left;
        lock (Created)
        {
            left = [.. Created];
        }

        foreach (var name in left)
        {
            try
            {
                DropDatabase(name);
            }
            catch (NpgsqlException)
            {
                // The server went away first; nothing more to do as the run ends.
            }
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
