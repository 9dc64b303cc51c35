using MediatR;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Domain;
using Phso.Modules.Plugins.Loading;
using Phso.Modules.Plugins.Packages;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Plugins.Features.Lifecycle;

[RequiresPolicy(Policies.Admin)]
public sealed record EnablePlugin(string Id, int Version) : ICommand;

internal sealed class EnablePluginHandler(PluginRuntime runtime, TimeProvider clock, PluginInstallation installation) : IRequestHandler<EnablePlugin, Unit>
{
    public async Task<Unit> Handle(EnablePlugin request, CancellationToken cancellationToken)
    {
        var plugin = await installation.FindAsync(request.Id, request.Version, cancellationToken);
        plugin.Enable(clock.GetUtcNow());
        await runtime.ApplyAsync(plugin, clock.GetUtcNow());
        installation.Announce(plugin);
        return Unit.Value;
    }
}
