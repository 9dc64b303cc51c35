using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Plugins.Domain;
using Phso.Modules.Plugins.Packages;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;
using Phso.Plugins.Abstractions;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Plugins.Features.Lifecycle;

/// <summary>Every installed plugin, with whether it is running in this process.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record ListPlugins : IQuery<PluginList>;

public sealed record PluginList(IReadOnlyList<PluginRow> Plugins, bool SafeMode, string SdkVersion);

public sealed record PluginRow(InstalledPlugin Plugin, bool Running);

internal sealed class ListPluginsHandler(PluginsDbContext db, PluginRuntime runtime) : IRequestHandler<ListPlugins, PluginList>
{
    public async Task<PluginList> Handle(ListPlugins request, CancellationToken cancellationToken)
    {
        var plugins = await db.Plugins.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return new PluginList([.. plugins.Select(p => new PluginRow(p, runtime.IsRunning(p.Id)))], runtime.SafeMode, PluginSdk.Version.ToString(3));
    }
}
