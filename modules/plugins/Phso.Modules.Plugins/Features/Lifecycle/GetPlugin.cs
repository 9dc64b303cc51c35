using FluentValidation;
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

/// <summary>One installed plugin, with what it brings while it runs.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record GetPlugin(string Id) : IQuery<PluginDetails?>;

// Problems: what stops the running plugin doing all it says (an organisation it names that is no longer in the
// register), with what to fix.
public sealed record PluginDetails(
    InstalledPlugin Plugin, bool Running, bool SafeMode, IReadOnlyList<ComplaintStandardDescription> Standards, IReadOnlyList<IntakeQuestionSet> Intake, IReadOnlyList<PluginCourse> Courses,
    IReadOnlyList<string> Problems);

internal sealed class GetPluginHandler(PluginsDbContext db, PluginRuntime runtime, PluginContent content) : IRequestHandler<GetPlugin, PluginDetails?>
{
    public async Task<PluginDetails?> Handle(GetPlugin request, CancellationToken cancellationToken)
    {
        if (await db.Plugins.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken) is not { } plugin)
        {
            return null;
        }

        var loaded = runtime.Running.Where(r => r.Key == plugin.Id).Select(r => r.Value).SingleOrDefault();
        return new PluginDetails(plugin, loaded is not null, runtime.SafeMode,
            [.. loaded?.Standards.Select(s => s.Description) ?? []], loaded?.Intake ?? [], loaded?.Courses ?? [],
            loaded is null ? [] : await content.OrganisationProblemsAsync(plugin.Id, cancellationToken));
    }
}
