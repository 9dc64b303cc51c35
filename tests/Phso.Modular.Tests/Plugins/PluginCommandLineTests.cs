using System.Security.Cryptography;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Host.Composition;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Features.Lifecycle;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Plugins;

/// <summary>The command line follows the admin page's rules: install, switch off and on, refuse, uninstall.</summary>
public sealed class PluginCommandLineTests
{
    [Fact]
    public async Task An_operator_manages_plugins_from_the_command_line_with_the_same_checks()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var dataFolder = Path.Combine(Path.GetTempPath(), "phso-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = dataFolder,
            ["Plugins:TrustedKeys:0:Publisher"] = PluginHostFactory.Publisher,
            ["Plugins:TrustedKeys:0:PublicKeyPem"] = key.ExportSubjectPublicKeyInfoPem(),
        }.WithDatabaseFor(dataFolder);
        var package = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(package, TestPlugins.Package("Phso.TestPlugins.Faulty.Working", key, id: "from-the-command-line"));
        var unsigned = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(unsigned, TestPlugins.Package("Phso.TestPlugins.Faulty.Working", null, id: "unsigned"));

        // The deployment's register holds the organisation the plugin names (the demo data's), as it must before install.
        using (var first = new PluginHostFactory(dataFolder, key, safeMode: false))
        {
            await using var scope = first.SystemScope();
        }

        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-install", "--package", package], settings));
        Assert.Equal(2, await HostCommandLine.RunAsync(["plugin-install", "--package", package], settings));
        Assert.Equal(2, await HostCommandLine.RunAsync(["plugin-install", "--package", unsigned], settings));
        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-disable", "--id", "from-the-command-line", "--reason", "Paused by the operator"], settings));
        Assert.Equal(2, await HostCommandLine.RunAsync(["plugin-disable", "--id", "from-the-command-line", "--reason", "Paused by the operator"], settings));
        Assert.Equal(2, await HostCommandLine.RunAsync(["plugin-enable", "--id", "no-such-plugin"], settings));

        using (var host = new PluginHostFactory(dataFolder, key, safeMode: false))
        {
            await using var scope = host.SystemScope();
            var list = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListPlugins());
            var row = Assert.Single(list.Plugins);
            Assert.Equal(PluginStatus.Disabled, row.Plugin.Status);
            Assert.False(row.Running);
        }

        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-enable", "--id", "from-the-command-line"], settings));
        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-uninstall", "--id", "from-the-command-line", "--reason", "No longer needed"], settings));
        Assert.Equal(2, await HostCommandLine.RunAsync(["plugin-uninstall", "--id", "from-the-command-line", "--reason", "No longer needed"], settings));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
        File.Delete(package);
        File.Delete(unsigned);
    }

    [Fact]
    public async Task A_running_host_takes_up_command_line_changes_without_a_restart_once_two_checks_agree()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "phso-tests", Guid.NewGuid().ToString("N"));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var host = new PluginHostFactory(dataFolder, key, safeMode: false);
        var settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = dataFolder,
            ["Plugins:TrustedKeys:0:Publisher"] = PluginHostFactory.Publisher,
            ["Plugins:TrustedKeys:0:PublicKeyPem"] = key.ExportSubjectPublicKeyInfoPem(),
        }.WithDatabaseFor(dataFolder);
        var package = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(package, TestPlugins.Package("Phso.TestPlugins.Faulty.Working", key, id: "synced"));
        var runtime = host.Services.GetRequiredService<Phso.Modules.Plugins.Runtime.PluginRuntime>();
        var sync = host.Services.GetRequiredService<Phso.Modules.Plugins.Runtime.PluginSync>();

        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-install", "--package", package], settings));
        Assert.Equal(0, await sync.SyncAsync(CancellationToken.None));
        Assert.False(runtime.IsRunning("synced"));
        Assert.Equal(1, await sync.SyncAsync(CancellationToken.None));
        Assert.True(runtime.IsRunning("synced"));

        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-disable", "--id", "synced", "--reason", "Paused by the operator"], settings));
        await sync.SyncAsync(CancellationToken.None);
        await sync.SyncAsync(CancellationToken.None);
        Assert.False(runtime.IsRunning("synced"));

        // A change made in this process is never undone by the check: it agrees with the database once saved.
        await using (var scope = host.SystemScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Send(new EnablePlugin("synced", (await mediator.Send(new GetPlugin("synced")))!.Plugin.Version));
        }

        Assert.Equal(0, await sync.SyncAsync(CancellationToken.None));
        Assert.Equal(0, await sync.SyncAsync(CancellationToken.None));
        Assert.True(runtime.IsRunning("synced"));

        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-uninstall", "--id", "synced", "--reason", "No longer needed"], settings));
        await sync.SyncAsync(CancellationToken.None);
        Assert.Equal(1, await sync.SyncAsync(CancellationToken.None));
        Assert.Empty(runtime.Running);

        // A sample plugin installed from the command line reaches the running host's complaint form.
        settings["Plugins:TrustedKeys:1:Publisher"] = "Phso.Modular samples (test key)";
        settings["Plugins:TrustedKeys:1:PublicKeyPem"] = await File.ReadAllTextAsync(Path.Combine(TestPlugins.RepositoryRoot(), "plugins", "test-signing-key.pub.pem"));
        await File.WriteAllBytesAsync(package, TestPlugins.Sample("Glenmorven.ComplaintStandard", "glenmorven-model-procedure"));
        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-install", "--package", package], settings));
        await sync.SyncAsync(CancellationToken.None);
        await sync.SyncAsync(CancellationToken.None);
        await using (var scope = host.SystemScope())
        {
            var questions = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetIntakeQuestions("NHS Glenmorven Health Board"));
            Assert.Equal(["stage-1-response", "escalated-to-stage-2"], questions.Select(q => q.Key));
        }

        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-uninstall", "--id", "glenmorven-model-procedure", "--reason", "No longer needed"], settings));
        File.Delete(package);
    }
}
