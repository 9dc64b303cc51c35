using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Complaints.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Complaints.Features.LocalStandards;

/// <summary>How often an organisation met its own complaint standard's deadlines across the complaints about it that
/// reached us (the latest <see cref="MaxComplaints"/>), by the dates complainants gave.</summary>
[RequiresPolicy(ComplaintsPolicies.ReadCasework)]
public sealed record GetLocalStandardRecord(Guid OrganisationId) : IQuery<OrganisationStandardRecord?>
{
    public const int MaxComplaints = 1000;
}

public sealed record OrganisationStandardRecord(Guid OrganisationId, string OrganisationName, int Complaints, IReadOnlyList<LocalStandardRecord> Standards);

internal sealed class LocalStandardRecordHandler(ComplaintsDbContext db, IMediator mediator) : IRequestHandler<GetLocalStandardRecord, OrganisationStandardRecord?>
{
    public async Task<OrganisationStandardRecord?> Handle(GetLocalStandardRecord request, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(request.OrganisationId), cancellationToken) is not { } organisation)
        {
            return null;
        }

        var complaints = await db.Complaints.AsNoTracking().Where(c => c.OrganisationId == request.OrganisationId)
            .OrderByDescending(c => c.ReceivedOn).Take(GetLocalStandardRecord.MaxComplaints)
            .Select(c => new { c.ComplainedToBodyOn, c.BodyFinalResponseOn })
            .ToListAsync(cancellationToken);
        var dates = complaints.Select(c => MilestoneDates.Of(c.ComplainedToBodyOn, c.BodyFinalResponseOn)).ToList();
        var standards = await mediator.Send(new MeasureLocalStandards(organisation.Name, dates), cancellationToken);
        return new OrganisationStandardRecord(organisation.Id, organisation.Name, complaints.Count, standards);
    }
}

/// <summary>The milestones the complaint form asks about, by the plugin SDK's milestone keys.</summary>
public static class MilestoneDates
{
    public static IReadOnlyDictionary<string, DateOnly> Of(DateOnly? complained, DateOnly? finalResponse)
    {
        var dates = new Dictionary<string, DateOnly>();
        if (complained is { } c)
        {
            dates["complained"] = c;
        }

        if (finalResponse is { } f)
        {
            dates["final-response"] = f;
        }

        return dates;
    }
}
