using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Phso.Host;
using Phso.SharedKernel.Security;

namespace Phso.Modular.Tests.Infrastructure;

/// <summary>
/// The real host (Program.Main, every module, migrations, demo data) over its own database (a SQLite file in its own
/// temporary data folder, or a PostgreSQL database of its own: <see cref="TestDatabase"/>). Scheduled jobs are off unless a test turns them on, so tests drive the outbox, the email queue, the clocks and the training reminders themselves (a job firing beside the test would race it).
/// </summary>
public class PhsoFactory : WebApplicationFactory<Program>
{
    /// <summary>A host started over another's data folder leaves it for its owner to delete.</summary>
    private readonly bool _ownsDataFolder;

    public PhsoFactory()
        : this(Path.Combine(Path.GetTempPath(), "phso-tests", Guid.NewGuid().ToString("N")), ownsDataFolder: true)
    {
    }

    /// <summary>A host over an existing data folder: another start of the same deployment.</summary>
    protected PhsoFactory(string dataFolder)
        : this(dataFolder, ownsDataFolder: false)
    {
    }

    private PhsoFactory(string dataFolder, bool ownsDataFolder, bool ownsDatabase = true)
    {
        DataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
        _ownsDatabase = ownsDatabase;
        Directory.CreateDirectory(DataFolder);
    }

    /// <summary>A host that shares only the database, as a second host behind a load balancer does.</summary>
    private readonly bool _ownsDatabase;

    /// <summary>A second host of <paramref name="first"/>'s deployment: its own data folder (so nothing passes between
    /// the two through files), the same database. It leaves the database for the first host to drop.</summary>
    public static PhsoFactory SecondHostOf(PhsoFactory first)
    {
        ArgumentNullException.ThrowIfNull(first);
        var second = new PhsoFactory(Path.Combine(Path.GetTempPath(), "phso-tests", Guid.NewGuid().ToString("N")), ownsDataFolder: true, ownsDatabase: false)
        {
            WithTestModules = first.WithTestModules,
            EnvironmentName = first.EnvironmentName,
        };
        TestDatabase.Share(first.DataFolder, second.DataFolder);
        return second;
    }

    public string DataFolder { get; }

    /// <summary>Where links in emails and API answers point (the test server answers to "localhost").</summary>
    public const string PublicBaseUrl = "http://localhost";

    public string MailFolder => Path.Combine(DataFolder, "mail");

    public TestClock Clock { get; } = new();

    /// <summary>Integration events delivered to the tests' own listeners (see <see cref="ReceivedEvents"/>).</summary>
    public ReceivedEvents Received { get; } = new();

    /// <summary>Settings a test adds or overrides, applied after the defaults below.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The environment the host runs in; "Testing" unless a test needs Production's behaviour.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Also compose the two test-only modules (integration event sender and receiver).</summary>
    public bool WithTestModules { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = DataFolder,
            ["Hosting:HttpsRedirection"] = "false",
            ["Hosting:PublicBaseUrl"] = PublicBaseUrl,
            ["Demo:Seed"] = EnvironmentName == "Production" ? "false" : "true",
            ["RateLimits:AccountFormPostsPerMinute"] = "10000",
            ["RateLimits:PublicPostsPerMinute"] = "10000",
            ["Outbox:PollIntervalSeconds"] = "0",
            ["Email:PollIntervalSeconds"] = "0",
            ["Complaints:ClockCheckIntervalMinutes"] = "0",
            ["Training:CheckIntervalMinutes"] = "0",
            ["Recommendations:CheckIntervalMinutes"] = "0",
            ["Plugins:SyncIntervalSeconds"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (WithTestModules)
        {
            settings["Modules:AdditionalAssemblies:0"] = "Phso.TestModules.Sender";
            settings["Modules:AdditionalAssemblies:1"] = "Phso.TestModules.Receiver";
        }

        foreach (var (key, value) in settings.Concat(TestDatabase.SettingsFor(DataFolder)).Concat(Settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Received);
            services.AddTransient<MediatR.INotificationHandler<Phso.Modules.Complaints.Contracts.ComplaintDecided>, RecordComplaintDecided>();
            services.AddTransient<MediatR.INotificationHandler<Phso.Modules.Training.Contracts.CourseCompleted>, RecordCourseCompleted>();
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each response.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A DI scope acting as the system (for arranging data and driving jobs).</summary>
    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("test");
        return scope;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_ownsDatabase)
            {
                TestDatabase.Drop(DataFolder);
            }

            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS to clear from the temp folder.
            }
        }
    }
}

/// <summary>One demo host shared by the tests that only read, or that change records of their own.</summary>
[CollectionDefinition(Name)]
public sealed class DemoHostCollection : ICollectionFixture<PhsoFactory>
{
    public const string Name = "Demo host";
}
