using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Phso.Browser.Tests;

/// <summary>
/// Starts the real host (Kestrel on a free loopback port, a temporary data folder, the demo data) and Debian's
/// Chromium, once for all browser tests. Never downloads a browser: it uses /usr/bin/chromium (or PHSO_CHROMIUM).
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "phso-browser-tests", Guid.NewGuid().ToString("N"));
    private HostFactory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Chromium { get; private set; } = default!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("PHSO_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}. Install Debian's chromium package (the README's test command does) or set PHSO_CHROMIUM.");
        }

        Directory.CreateDirectory(_dataFolder);
        _factory = new HostFactory(_dataFolder);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clear from the temp folder.
        }
    }

    /// <summary>A fresh browser context (its own cookies), JavaScript on unless asked otherwise.</summary>
    /// <summary>A fresh browser context. Waits are allowed a minute: on two cores, with the other test projects
    /// running beside this one and the host's own jobs running, a page has been seen to take over 30 seconds.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScript, ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    private sealed class HostFactory(string dataFolder) : WebApplicationFactory<Phso.Host.Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Data:Folder", dataFolder);
            builder.UseSetting("Hosting:HttpsRedirection", "false");
            builder.UseSetting("Hosting:PublicBaseUrl", "http://127.0.0.1");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Demo:SamplePlugins", "true");
            builder.UseSetting("RateLimits:AccountFormPostsPerMinute", "10000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser";
}
