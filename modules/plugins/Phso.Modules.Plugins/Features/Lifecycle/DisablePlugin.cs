using FluentValidation;
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

/// <summary>Switches a plugin off; it stays installed. The reason is recorded in its status and history.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record DisablePlugin(string Id, int Version, string Reason) : ICommand;

internal sealed class DisablePluginValidator : AbstractValidator<DisablePlugin>
{
    public DisablePluginValidator() => RuleFor(r => r.Reason).MustBeAReason("switching the plugin off");
}

internal sealed class DisablePluginHandler(PluginRuntime runtime, ICurrentUser me, TimeProvider clock, PluginInstallation installation) : IRequestHandler<DisablePlugin, Unit>
{
    public async Task<Unit> Handle(DisablePlugin request, CancellationToken cancellationToken)
    {
        var plugin = await installation.FindAsync(request.Id, request.Version, cancellationToken);
        plugin.Disable(me.DisplayName, request.Reason.Trim(), clock.GetUtcNow());
        runtime.Stop(plugin.Id);
        installation.Announce(plugin);
        return Unit.Value;
    }
}
