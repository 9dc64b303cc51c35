using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Plugins.Features.Lifecycle;

/// <summary>How many plugins an admin should look at: switched off by a fault, incompatible with this platform, or
/// running while an organisation they name has left the register.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record CountPluginsNeedingAttention : IQuery<int>;

internal sealed class CountPluginsNeedingAttentionHandler(PluginsDbContext db, PluginRuntime runtime, PluginContent content) : IRequestHandler<CountPluginsNeedingAttention, int>
{
    public async Task<int> Handle(CountPluginsNeedingAttention request, CancellationToken cancellationToken)
    {
        var faulty = await db.Plugins.AsNoTracking().Where(p => p.Enabled && (p.Status == PluginStatus.Malfunctioned || p.Status == PluginStatus.Incompatible))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var running = runtime.Running.Select(r => r.Key).Except(faulty).ToList();
        return faulty.Count + (await content.OrganisationProblemsAsync(running, cancellationToken)).Count;
    }
}

/// <summary>The count beside "Plugins" in the admin's navigation and on their home page.</summary>
internal sealed class PluginsNeedingAttentionBadge(IMediator mediator) : INavigationBadge
{
    public string Href => "/admin/plugins";

    public async Task<int?> CountAsync(CancellationToken cancellationToken) => await mediator.Send(new CountPluginsNeedingAttention(), cancellationToken);

    public string Describe(int count) => count == 1 ? "1 plugin needs attention" : $"{count} plugins need attention";
}
