using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Features.Chasing;

/// <summary>One chunk of the follow-up sweep: for each recommendation, on a working day of its body's nation, the
/// reminder due before the due date; once past it, overdue (the body and the caseworker told), then the caseworker's
/// line manager, then escalated to senior managers. Each is recorded with its notifications in one transaction and
/// never sent twice for the same due date.</summary>
[RequiresPolicy(RecommendationsPolicies.Work)]
public sealed record ChaseRecommendations(IReadOnlyList<Guid> RecommendationIds) : ICommand<int>;

internal sealed class ChaseRecommendationsHandler(
    RecommendationServices services, IWorkingDayCalendar calendar, IOptions<RecommendationsOptions> options, IMediator mediator)
    : IRequestHandler<ChaseRecommendations, int>
{
    // Asked once per chunk, not once per recommendation: a body has many recommendations and few leads.
    private readonly Dictionary<Guid, List<Guid>> _leads = [];
    private List<Guid>? _allManagers;

    public async Task<int> Handle(ChaseRecommendations request, CancellationToken cancellationToken)
    {
        var db = services.Db;
        var today = services.Today;
        var ids = request.RecommendationIds;
        var recommendations = await db.Recommendations.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var sent = (await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.RecommendationId)).Select(r => new { r.RecommendationId, r.Kind, r.DueOn }).ToListAsync(cancellationToken))
            .Select(r => (r.RecommendationId, r.Kind, r.DueOn)).ToHashSet();
        var caseworkers = (await mediator.Send(new GetPeople([.. recommendations.Select(r => r.CaseworkerId).Distinct()]), cancellationToken)).ToDictionary(p => p.Id);
        var told = 0;
        foreach (var recommendation in recommendations.Where(r => calendar.IsWorkingDay(today, r.Nation)))
        {
            var from = recommendation.Status;
            foreach (var step in DueToday(recommendation, today))
            {
                if (!sent.Add((recommendation.Id, step.Kind, recommendation.DueOn)))
                {
                    continue;
                }

                if (step.Kind == SentReminder.Escalated)
                {
                    recommendation.Escalate(today, services.Now, $"Overdue by {options.Value.EscalateAfterWorkingDays} working days or more (due on {recommendation.DueOn:d MMMM yyyy}).");
                }

                var recipients = await RecipientsAsync(recommendation, step.To, caseworkers, cancellationToken);
                foreach (var (personId, link) in recipients)
                {
                    services.Notify(personId, step.Title, step.Body, link);
                }

                db.Reminders.Add(new SentReminder
                {
                    Id = Guid.CreateVersion7(services.Now), RecommendationId = recommendation.Id, Kind = step.Kind, DueOn = recommendation.DueOn,
                    SentAt = services.Now, Recipients = recipients.Count,
                });
                told += recipients.Count;
            }

            services.StatusChanged(recommendation, from);
        }

        return told;
    }

    private enum Audience
    {
        Body,
        BodyAndCaseworker,
        LineManager,
    }

    private sealed record Step(string Kind, Audience To, string Title, string Body);

    /// <summary>What is due today, in order: a recommendation found far overdue on the first run is told overdue, its
    /// manager and escalation at once (each recorded, so none repeats).</summary>
    private List<Step> DueToday(Recommendation r, DateOnly today)
    {
        var steps = new List<Step>();
        var due = $"{r.DueOn:d MMMM yyyy}";
        var what = $"{r.CaseReference}: {r.Category.Describe().ToLowerInvariant()} recommendation to {r.BodyName}";
        if (today <= r.DueOn)
        {
            var reached = options.Value.ReminderWorkingDays.Where(days => days > 0 && today >= calendar.AddWorkingDays(r.DueOn, -days, r.Nation)).Order().ToList();
            if (reached.Count > 0 && RecommendationMoves.BodyOwes.Contains(r.Status))
            {
                steps.Add(new Step(SentReminder.BeforeDue(reached[0]), Audience.Body, $"Due {due}: {what}", $"The recommendation on {r.CaseReference} is due on {due}. Send the evidence that it has been done, or tell us now if it cannot be."));
            }

            return steps;
        }

        r.MarkOverdueIfDue(today, services.Now);
        if (r.Status != RecommendationStatus.Overdue)
        {
            return steps;
        }

        steps.Add(new Step(SentReminder.Overdue, Audience.BodyAndCaseworker, $"Overdue: {what}", $"The recommendation on {r.CaseReference} was due on {due} and no evidence has been accepted."));
        if (today >= calendar.AddWorkingDays(r.DueOn, options.Value.ManagerAfterWorkingDays, r.Nation))
        {
            steps.Add(new Step(SentReminder.Manager, Audience.LineManager, $"Overdue {options.Value.ManagerAfterWorkingDays} working days: {what}", $"{r.CaseworkerName}'s recommendation on {r.CaseReference} was due on {due} and is still overdue."));
        }

        if (r.EscalatedOn is null && today >= calendar.AddWorkingDays(r.DueOn, options.Value.EscalateAfterWorkingDays, r.Nation))
        {
            steps.Add(new Step(SentReminder.Escalated, Audience.LineManager, $"Escalated: {what}", $"The recommendation on {r.CaseReference} was due on {due} and is overdue by {options.Value.EscalateAfterWorkingDays} working days or more. Senior managers decide whether to report the body publicly."));
        }

        return steps;
    }

    /// <summary>Who is told, each with the link they can open: the body's partner leads see their own page, staff the staff page.</summary>
    private async Task<List<(Guid PersonId, string Link)>> RecipientsAsync(
        Recommendation r, Audience audience, Dictionary<Guid, PersonSummary> caseworkers, CancellationToken cancellationToken)
    {
        var staffLink = RecommendationServices.StaffLink(r);
        var recipients = new List<(Guid, string)>();
        if (audience is Audience.Body or Audience.BodyAndCaseworker)
        {
            if (!_leads.TryGetValue(r.OrganisationId, out var leads))
            {
                _leads[r.OrganisationId] = leads = [.. (await mediator.Send(new FindPeople(Roles.PartnerLead, r.OrganisationId), cancellationToken)).Select(p => p.Id)];
            }

            recipients.AddRange(leads.Select(id => (id, RecommendationServices.BodyLink(r))));
        }

        if (audience == Audience.BodyAndCaseworker && caseworkers.TryGetValue(r.CaseworkerId, out var caseworker) && caseworker.IsActive)
        {
            recipients.Add((caseworker.Id, staffLink));
        }

        if (audience == Audience.LineManager)
        {
            // The caseworker's line manager; with none on record (or the caseworker gone), every manager, so that it is never told to nobody.
            var managers = caseworkers.TryGetValue(r.CaseworkerId, out var person) && person.LineManagerId is { } manager
                ? [manager]
                : _allManagers ??= [.. (await mediator.Send(new FindPeople(Roles.Manager), cancellationToken)).Select(p => p.Id)];
            recipients.AddRange(managers.Select(m => (m, staffLink)));
        }

        return recipients;
    }
}
