using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Complaints.Features.LocalStandards;

/// <summary>How often an organisation met its own complaint standard's deadlines across the complaints about it that
/// reached us (the latest <see cref="MaxComplaints"/>), by the dates complainants gave.</summary>
[RequiresPolicy(ComplaintsPolicies.ReadCasework)]
public sealed record GetLocalStandardRecord(Guid OrganisationId) : IQuery<OrganisationStandardRecord?>
{
    public const int MaxComplaints = 1000;
}

/// <summary>The record; <c>DatesReadAt</c> says when the complaints' dates were read (they are kept for a minute).</summary>
public sealed record OrganisationStandardRecord(Guid OrganisationId, string OrganisationName, int Complaints, IReadOnlyList<LocalStandardRecord> Standards, DateTimeOffset DatesReadAt);

/// <summary>The dates of an organisation's latest complaints, by milestone key, as the plugins measure them.</summary>
internal sealed record ComplaintDates(IReadOnlyList<IReadOnlyDictionary<string, DateOnly>> Complaints);

internal sealed class LocalStandardRecordHandler(ComplaintsDbContext db, IMediator mediator, KeptFigures<Guid, ComplaintDates> kept)
    : IRequestHandler<GetLocalStandardRecord, OrganisationStandardRecord?>
{
    public async Task<OrganisationStandardRecord?> Handle(GetLocalStandardRecord request, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(request.OrganisationId), cancellationToken) is not { } organisation)
        {
            return null;
        }

        // Reading a thousand complaints with their answers was most of the page's time: the dates are kept for a
        // minute (the page says when they were read); the plugins measure them afresh on every view, so a plugin
        // installed or removed shows at once.
        var (dates, readAt) = await kept.GetOrCalculateAsync(request.OrganisationId, () => ReadDatesAsync(request.OrganisationId, cancellationToken));
        var standards = await mediator.Send(new MeasureLocalStandards(organisation.Name, dates.Complaints), cancellationToken);
        return new OrganisationStandardRecord(organisation.Id, organisation.Name, dates.Complaints.Count, standards, readAt);
    }

    private async Task<ComplaintDates> ReadDatesAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.OrganisationId == organisationId)
            .OrderByDescending(c => c.ReceivedAt).Take(GetLocalStandardRecord.MaxComplaints)
            .Select(c => new
            {
                c.ComplainedToBodyOn, c.BodyAcknowledgedOn, c.BodyFinalResponseOn,
                Dates = c.LocalAnswers.Where(a => a.Type == IntakeAnswerType.Date && a.Answer != null).Select(a => new LocalAnswer { Key = a.Key, Type = a.Type, Answer = a.Answer }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new ComplaintDates([.. complaints.Select(c => MilestoneDates.Of(c.ComplainedToBodyOn, c.BodyAcknowledgedOn, c.BodyFinalResponseOn, c.Dates))]);
    }
}

/// <summary>The milestones the complaint form asks about, by the plugin SDK's milestone keys, and the dates answered to
/// partner plugins' date questions, by their keys (the first answer wins if two plugins use one key).</summary>
public static class MilestoneDates
{
    public static IReadOnlyDictionary<string, DateOnly> Of(DateOnly? complained, DateOnly? acknowledged, DateOnly? finalResponse, IEnumerable<LocalAnswer> localAnswers)
    {
        var dates = new Dictionary<string, DateOnly>();
        foreach (var (key, date) in new[] { ("complained", complained), ("acknowledged", acknowledged), ("final-response", finalResponse) })
        {
            if (date is { } known)
            {
                dates[key] = known;
            }
        }

        foreach (var answer in localAnswers)
        {
            if (answer.AnswerDate is { } date)
            {
                dates.TryAdd(answer.Key, date);
            }
        }

        return dates;
    }

    public static IReadOnlyDictionary<string, DateOnly> Of(Complaint complaint) =>
        Of(complaint.ComplainedToBodyOn, complaint.BodyAcknowledgedOn, complaint.BodyFinalResponseOn, complaint.LocalAnswers);

    /// <summary>The answers (not dates) given to partner plugins' questions, for the plugins' own checks.</summary>
    public static IReadOnlyDictionary<string, string> AnswersOf(Complaint complaint)
    {
        var answers = new Dictionary<string, string>();
        foreach (var answer in complaint.LocalAnswers.Where(a => a.Answer is not null))
        {
            answers.TryAdd(answer.Key, answer.Answer!);
        }

        return answers;
    }
}
