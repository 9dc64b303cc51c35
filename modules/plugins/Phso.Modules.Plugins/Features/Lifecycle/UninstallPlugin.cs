using FluentValidation;
using MediatR;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Loading;
using Phso.Modules.Plugins.Packages;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Plugins.Features.Lifecycle;

/// <summary>Stops and removes a plugin and its files. What it brought is withdrawn; records made with it are kept. The
/// reason is recorded in its history.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record UninstallPlugin(string Id, int Version, string Reason) : ICommand;

internal sealed class UninstallPluginValidator : AbstractValidator<UninstallPlugin>
{
    public UninstallPluginValidator() => RuleFor(r => r.Reason).MustBeAReason("uninstalling the plugin");
}

internal sealed class UninstallPluginHandler(PluginsDbContext db, PluginRuntime runtime, ICurrentUser me, TimeProvider clock, PluginInstallation installation) : IRequestHandler<UninstallPlugin, Unit>
{
    public async Task<Unit> Handle(UninstallPlugin request, CancellationToken cancellationToken)
    {
        var plugin = await installation.FindAsync(request.Id, request.Version, cancellationToken);
        runtime.Stop(plugin.Id);
        plugin.Uninstall(me.DisplayName, request.Reason.Trim(), clock.GetUtcNow());
        db.Publish(new PluginCoursesWithdrawn(plugin.Id, $"{plugin.Name} was uninstalled: {request.Reason.Trim()}"));
        db.Plugins.Remove(plugin);
        installation.DeleteFolder(plugin.Folder);
        return Unit.Value;
    }
}
