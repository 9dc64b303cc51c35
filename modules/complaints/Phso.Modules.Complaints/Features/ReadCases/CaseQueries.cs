using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.Modules.Complaints.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Complaints.Features.ReadCases;

public enum QueueSort
{
    Oldest,
    Newest,
    Priority,
    DueSoonest,
}

/// <summary>The caseworkers' queue. <paramref name="Assigned"/> is "me", "unassigned" or a person's id.</summary>
[RequiresPolicy(ComplaintsPolicies.ReadCasework)]
public sealed record ListCases(
    CaseStage? Stage = null, Priority? Priority = null, Guid? OrganisationId = null, string? Assigned = null, ClockStatus? Clock = null,
    bool IncludeEnded = false, QueueSort Sort = QueueSort.Oldest, int Page = 1, int PageSize = 25) : IQuery<QueuePage>;

public sealed record QueueRow(
    string Reference, string BodyName, string ComplainantName, CaseStage Stage, Priority Priority, string? AssignedToName, ClockStatus ClockStatus,
    DateOnly? NextClockDueOn, DateOnly ReceivedOn, bool HasAdjustments);

public sealed record QueuePage(IReadOnlyList<QueueRow> Items, int Total, int Page, int PageSize);

/// <summary>Everything a caseworker sees on the case page.</summary>
[RequiresPolicy(ComplaintsPolicies.ReadCasework)]
public sealed record GetCase(string Reference) : IQuery<CaseView?>;

public sealed record CaseView(Complaint Complaint, IReadOnlyList<CaseEvent> Timeline, IReadOnlyList<CheckResult> Eligibility, OrganisationSummary? Organisation, ComplaintsOptions Settings, DateOnly Today)
{
    public string? DecisionLock => Complaint.DecisionLock(Today);

    /// <summary>The steps the case allows today.</summary>
    public IReadOnlyList<CaseAction> Actions => CaseActions.Allowed(Complaint, Today);

    public DateOnly? ReviewWindowEnds => Complaint.ReviewWindowEnds(Settings.ReviewWindowMonths);
}

/// <summary>A document's details, for download by a caseworker.</summary>
[RequiresPolicy(ComplaintsPolicies.ReadCasework)]
public sealed record GetCaseDocument(string Reference, Guid DocumentId) : IQuery<CaseDocument?>;

internal sealed class ListCasesHandler(ComplaintsDbContext db, ICurrentUser me, ReferenceDataCache<QueueCounts> counts) : IRequestHandler<ListCases, QueuePage>
{
    public async Task<QueuePage> Handle(ListCases request, CancellationToken cancellationToken)
    {
        var cases = db.Complaints.AsNoTracking();
        if (!request.IncludeEnded)
        {
            cases = cases.Where(c => c.Stage != CaseStage.Closed && c.Stage != CaseStage.Declined && c.Stage != CaseStage.Withdrawn);
        }

        if (request.Stage is { } stage)
        {
            cases = cases.Where(c => c.Stage == stage);
        }

        if (request.Priority is { } priority)
        {
            cases = cases.Where(c => c.Priority == priority);
        }

        if (request.OrganisationId is { } organisation)
        {
            cases = cases.Where(c => c.OrganisationId == organisation);
        }

        if (request.Clock is { } clock)
        {
            cases = cases.Where(c => c.ClockStatus == clock);
        }

        cases = request.Assigned switch
        {
            "me" => cases.Where(c => c.AssignedToId == me.Id),
            "unassigned" => cases.Where(c => c.AssignedToId == null),
            { } id when Guid.TryParse(id, out var person) => cases.Where(c => c.AssignedToId == person),
            _ => cases,
        };

        cases = request.Sort switch
        {
            QueueSort.Newest => cases.OrderByDescending(c => c.ReceivedAt),
            QueueSort.Priority => cases.OrderByDescending(c => c.Priority == Domain.Priority.High).ThenBy(c => c.ReceivedAt),
            QueueSort.DueSoonest => cases.OrderBy(c => c.NextClockDueOn == null).ThenBy(c => c.NextClockDueOn).ThenBy(c => c.ReceivedAt),
            _ => cases.OrderBy(c => c.ReceivedAt),
        };

        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, 200);
        var total = await counts.GetOrReadAsync(QueueCounts.KeyOf(request, me.Id), () => cases.CountAsync(cancellationToken));
        var rows = await cases.Skip((page - 1) * size).Take(size)
            .Select(c => new QueueRow(
                c.Reference, c.BodyName, c.Representative != null ? c.Representative.Name : c.Person.Name, c.Stage, c.Priority, c.AssignedToName, c.ClockStatus,
                c.NextClockDueOn, c.ReceivedOn,
                c.Adjustments.Needs != SupportNeeds.None || c.Adjustments.ContactPersonName != null || c.Adjustments.ExtraTime || c.Adjustments.OtherNeeds != null))
            .ToListAsync(cancellationToken);
        return new QueuePage(rows, total, page, size);
    }
}

internal sealed class GetCaseHandler(ComplaintsDbContext db, Eligibility eligibility, IMediator mediator, IOptions<ComplaintsOptions> options, TimeProvider clock)
    : IRequestHandler<GetCase, CaseView?>
{
    public async Task<CaseView?> Handle(GetCase request, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking()
            .Include(c => c.Checks).Include(c => c.Clocks).Include(c => c.Reviews).Include(c => c.Links).Include(c => c.Documents).Include(c => c.LocalAnswers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Reference == request.Reference, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var timeline = await db.Events.AsNoTracking().Where(e => e.ComplaintId == complaint.Id).OrderByDescending(e => e.At).ToListAsync(cancellationToken);
        var organisation = complaint.OrganisationId is { } id ? await mediator.Send(new GetOrganisation(id), cancellationToken) : null;
        return new CaseView(complaint, timeline, await eligibility.RunAsync(complaint, cancellationToken), organisation, options.Value, Domain.CaseTime.From(clock).Today);
    }
}

internal sealed class GetCaseDocumentHandler(ComplaintsDbContext db) : IRequestHandler<GetCaseDocument, CaseDocument?>
{
    public Task<CaseDocument?> Handle(GetCaseDocument request, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking()
            .Where(d => d.Id == request.DocumentId && db.Complaints.Any(c => c.Id == d.ComplaintId && c.Reference == request.Reference))
            .SingleOrDefaultAsync(cancellationToken);
}

internal sealed class GetDecidedCaseHandler(ComplaintsDbContext db) : IRequestHandler<GetDecidedCase, DecidedCase?>
{
    public async Task<DecidedCase?> Handle(GetDecidedCase request, CancellationToken cancellationToken)
    {
        var found = await db.Complaints.AsNoTracking()
            .Where(c => c.Reference == request.Reference && c.Outcome != null)
            .Select(c => new { c.Id, c.Reference, c.OrganisationId, c.BodyName, c.Sector, c.Outcome, c.DecidedOn, c.FindingsMarkdown })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new DecidedCase(found.Id, found.Reference, found.OrganisationId, found.BodyName, found.Sector ?? SharedKernel.Domain.Sector.Health, found.Outcome!.Value, found.DecidedOn!.Value, found.FindingsMarkdown!);
    }
}

internal sealed class ListDecidedCasesHandler(ComplaintsDbContext db) : IRequestHandler<ListDecidedCases, IReadOnlyList<DecidedCase>>
{
    public async Task<IReadOnlyList<DecidedCase>> Handle(ListDecidedCases request, CancellationToken cancellationToken)
    {
        var organisation = request.OrganisationId;
        var found = await db.Complaints.AsNoTracking()
            .Where(c => c.Outcome != null && c.DecidedOn >= request.From && c.DecidedOn <= request.To && (organisation == null || c.OrganisationId == organisation))
            .OrderByDescending(c => c.DecidedOn).ThenBy(c => c.Reference).Take(5000)
            .Select(c => new { c.Id, c.Reference, c.OrganisationId, c.BodyName, c.Sector, c.Outcome, c.DecidedOn, c.FindingsMarkdown })
            .ToListAsync(cancellationToken);
        return [.. found.Select(c => new DecidedCase(c.Id, c.Reference, c.OrganisationId, c.BodyName, c.Sector ?? SharedKernel.Domain.Sector.Health, c.Outcome!.Value, c.DecidedOn!.Value, c.FindingsMarkdown!))];
    }
}

