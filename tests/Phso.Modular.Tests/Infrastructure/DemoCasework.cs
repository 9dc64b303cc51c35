using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.ReadCases;

namespace Phso.Modular.Tests.Infrastructure;

/// <summary>Finds the demo cases (see DemoCases) by what they are, since their references depend on today's date.</summary>
public static class DemoCasework
{
    public static async Task<string> DemoCaseAsync(this PhsoFactory host, CaseStage stage, string bodyStartsWith)
    {
        await using var scope = host.SystemScope();
        var queue = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListCases(Stage: stage, IncludeEnded: true, PageSize: 200));
        return queue.Items.First(c => c.BodyName.StartsWith(bodyStartsWith, StringComparison.Ordinal)).Reference;
    }

    /// <summary>The demo case about the body named, at whatever stage it is.</summary>
    public static async Task<string> DemoCaseAsync(this PhsoFactory host, string bodyStartsWith)
    {
        await using var scope = host.SystemScope();
        var queue = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListCases(IncludeEnded: true, PageSize: 200));
        return queue.Items.First(c => c.BodyName.StartsWith(bodyStartsWith, StringComparison.Ordinal)).Reference;
    }
}
