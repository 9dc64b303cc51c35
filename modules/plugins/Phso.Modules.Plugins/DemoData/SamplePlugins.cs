using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Plugins.Features.Lifecycle;
using Phso.Modules.Plugins.Packages;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;

namespace Phso.Modules.Plugins.DemoData;

/// <summary>
/// The demo installs the two sample plugins (plugins/ in the repository, packed and signed by the build with the TEST
/// key) when <c>Demo:SamplePlugins</c> is on, trusting the test key for that run only. Demo data is never written in
/// Production, so a real deployment never trusts the test key this way.
/// </summary>
internal static class SamplePlugins
{
    public const string Publisher = "Phso.Modular samples (test key)";

    public static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue("Demo:Seed", false) && configuration.GetValue("Demo:SamplePlugins", false);

    /// <summary>The repository's plugins folder, when the host runs from a clone of it.</summary>
    public static string? Folder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Phso.Modular.sln")))
            {
                return Path.Combine(folder.FullName, "plugins");
            }
        }

        return null;
    }

    public static TrustedKey? TestKey() =>
        Folder() is { } folder && File.Exists(Path.Combine(folder, "test-signing-key.pub.pem"))
            ? new TrustedKey(Publisher, File.ReadAllText(Path.Combine(folder, "test-signing-key.pub.pem")))
            : null;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (!Enabled(configuration) || Folder() is not { } folder || services.GetRequiredService<PluginRuntime>().Trust.Keys.All(k => k.Publisher != Publisher))
        {
            return;
        }

        var db = services.GetRequiredService<PluginsDbContext>();
        var installed = await db.Plugins.Select(p => p.Id).ToListAsync(cancellationToken);
        var packages = Directory.GetFiles(folder, "*.zip", SearchOption.AllDirectories)
            .Where(p => p.Contains($"{Path.DirectorySeparatorChar}package{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .GroupBy(Path.GetFileNameWithoutExtension)
            .Select(g => g.OrderByDescending(File.GetLastWriteTimeUtc).First());
        var mediator = services.GetRequiredService<IMediator>();
        foreach (var package in packages.Where(p => !installed.Contains(Path.GetFileNameWithoutExtension(p))))
        {
            await mediator.Send(new InstallPlugin(await File.ReadAllBytesAsync(package, cancellationToken)), cancellationToken);
        }
    }
}
