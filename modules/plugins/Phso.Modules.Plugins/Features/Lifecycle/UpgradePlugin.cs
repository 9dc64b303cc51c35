using MediatR;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Domain;
using Phso.Modules.Plugins.Loading;
using Phso.Modules.Plugins.Packages;
using Phso.Modules.Plugins.Runtime;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Plugins.Features.Lifecycle;

/// <summary>Replaces an installed plugin with another version of the same id; its data is kept. A lower version is
/// refused unless forced.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record UpgradePlugin(string Id, int Version, byte[] Package, bool Force) : ICommand, IPluginPackageRequest;

internal sealed class UpgradePluginHandler(PluginRuntime runtime, TimeProvider clock, PluginInstallation installation) : IRequestHandler<UpgradePlugin, Unit>
{
    public async Task<Unit> Handle(UpgradePlugin request, CancellationToken cancellationToken)
    {
        var plugin = await installation.FindAsync(request.Id, request.Version, cancellationToken);
        var (manifest, files) = installation.Verify(request.Package);
        if (manifest.Id != plugin.Id)
        {
            throw RequestValidationException.For<UpgradePlugin>(r => r.Package, $"This package is the plugin \"{manifest.Id}\", not \"{plugin.Id}\"");
        }

        plugin.EnsureCanUpgradeTo(manifest, request.Force);
        var now = clock.GetUtcNow();
        var previousFolder = plugin.Folder;
        var folder = await installation.TryOutAsync(manifest, installation.Unpack(manifest, files), cancellationToken);
        plugin.Upgrade(manifest, files.ContainsKey(PluginPackage.SignatureName), folder, request.Force, now);
        await runtime.ApplyAsync(plugin, now);
        installation.Announce(plugin);
        installation.DeleteFolder(previousFolder);
        return Unit.Value;
    }
}
