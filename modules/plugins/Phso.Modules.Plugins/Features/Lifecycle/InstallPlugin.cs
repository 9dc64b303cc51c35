using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Plugins.Domain;
using Phso.Modules.Plugins.Packages;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Plugins.Features.Lifecycle;

/// <summary>Installs a plugin package (zip bytes) and starts it. Returns the plugin's id.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record InstallPlugin(byte[] Package) : ICommand<string>, IPluginPackageRequest;

/// <summary>A request that carries a plugin package: what the package checks refuse, they refuse under its name.</summary>
public interface IPluginPackageRequest
{
    byte[] Package { get; }
}

internal sealed class InstallPluginHandler(PluginsDbContext db, PluginRuntime runtime, TimeProvider clock, PluginInstallation installation) : IRequestHandler<InstallPlugin, string>
{
    public async Task<string> Handle(InstallPlugin request, CancellationToken cancellationToken)
    {
        var (manifest, files) = installation.Verify(request.Package);
        if (await db.Plugins.AsNoTracking().SingleOrDefaultAsync(p => p.Id == manifest.Id, cancellationToken) is { } existing)
        {
            throw PluginInstallation.Refused(new PluginPackageException(PluginRefusal.DuplicateId,
                $"A plugin with the id \"{manifest.Id}\" is already installed ({existing.Name}, version {existing.PluginVersion}): upgrade it instead"));
        }

        var now = clock.GetUtcNow();
        var folder = await installation.TryOutAsync(manifest, installation.Unpack(manifest, files), cancellationToken);
        var plugin = InstalledPlugin.Install(manifest, files.ContainsKey(PluginPackage.SignatureName), folder, now);
        db.Plugins.Add(plugin);
        await runtime.ApplyAsync(plugin, now);
        installation.Announce(plugin);
        return plugin.Id;
    }
}
