using System.Security.Cryptography;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Host.Composition;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Features.Lifecycle;

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
        };
        var package = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(package, TestPlugins.Package("Phso.TestPlugins.Faulty.Working", key, id: "from-the-command-line"));
        var unsigned = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(unsigned, TestPlugins.Package("Phso.TestPlugins.Faulty.Working", null, id: "unsigned"));

        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-install", "--package", package], settings));
        Assert.Equal(2, await HostCommandLine.RunAsync(["plugin-install", "--package", package], settings));
        Assert.Equal(2, await HostCommandLine.RunAsync(["plugin-install", "--package", unsigned], settings));
        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-disable", "--id", "from-the-command-line"], settings));
        Assert.Equal(2, await HostCommandLine.RunAsync(["plugin-disable", "--id", "from-the-command-line"], settings));
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
        Assert.Equal(0, await HostCommandLine.RunAsync(["plugin-uninstall", "--id", "from-the-command-line"], settings));
        Assert.Equal(2, await HostCommandLine.RunAsync(["plugin-uninstall", "--id", "from-the-command-line"], settings));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
        File.Delete(package);
        File.Delete(unsigned);
    }
}
