using Bogus;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.ScaleData;

/// <summary>
/// Recommendations at scale: one to five (about three) on every upheld or partly upheld case the scale data decided,
/// each moved through the domain's own moves to where a recommendation of its age would be. Those due by now are
/// mostly complied with (some late), some not, some overdue (escalated once overdue for about a month), a few withdrawn;
/// those not yet due are issued, accepted, refused, or have evidence waiting or more asked for.
/// </summary>
internal static class ScaleRecommendations
{
    private static readonly (RecommendationKind Kind, RecommendationCategory Category, string Text, string Evidence)[] Kinds =
    [
        (RecommendationKind.Individual, RecommendationCategory.Apology, "Apologise to the complainant for the failings identified.", "A copy of the apology letter."),
        (RecommendationKind.Individual, RecommendationCategory.FinancialRemedy, "Pay the complainant in recognition of the distress caused.", "Confirmation of the payment."),
        (RecommendationKind.Individual, RecommendationCategory.DecisionRetaken, "Take the decision again, considering the evidence missed.", "The new decision letter."),
        (RecommendationKind.Systemic, RecommendationCategory.ProcedureChanged, "Review the procedure so that the failing does not happen again.", "The revised procedure."),
        (RecommendationKind.Systemic, RecommendationCategory.StaffTrained, "Make sure the staff involved are trained on what went wrong.", "Training records."),
        (RecommendationKind.Systemic, RecommendationCategory.ActionPlan, "Write an action plan to address the failings, and carry it out.", "The action plan and a progress report."),
    ];

    public static async Task<string?> SeedAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RecommendationsDbContext>();
        if (plan.Cases == 0 || await db.HasScaleDataAsync(cancellationToken))
        {
            return null;
        }

        var mediator = services.GetRequiredService<IMediator>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = UkTime.Today(services.GetRequiredService<TimeProvider>());
        var faker = plan.FakerFor(RecommendationsDbContext.Module);
        var already = (await db.Recommendations.Select(r => r.CaseReference).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var decided = (await mediator.Send(new ListDecidedCases(today.AddYears(-4), today), cancellationToken))
            .Where(c => c.OrganisationId is not null && c.Outcome is ComplaintOutcome.Upheld or ComplaintOutcome.PartlyUpheld && !already.Contains(c.Reference))
            .ToList();
        var bodies = new Dictionary<Guid, OrganisationSummary?>();
        var recommendations = new List<Recommendation>();
        foreach (var decision in decided)
        {
            var id = decision.OrganisationId!.Value;
            if (!bodies.TryGetValue(id, out var body))
            {
                bodies[id] = body = await mediator.Send(new GetOrganisation(id), cancellationToken);
            }

            if (body is null)
            {
                continue;
            }

            var facts = new DecidedCaseFacts(decision.ComplaintId, decision.Reference, body.Id, body.Name, body.Sector, decision.DecisionDate, body.Nation);
            var caseworker = new Actor(null, faker.Name.FullName());
            foreach (var kind in faker.PickRandom(Kinds, faker.Random.WeightedRandom([1, 2, 3, 4, 5], [0.15f, 0.2f, 0.3f, 0.2f, 0.15f])))
            {
                recommendations.Add(Story(faker, facts, kind, caseworker, today, now));
            }
        }

        var saved = await db.SaveInBatchesAsync(recommendations, cancellationToken);
        return $"{saved:N0} recommendations on {decided.Count:N0} upheld cases";
    }

    private static Recommendation Story(
        Faker faker, DecidedCaseFacts facts, (RecommendationKind Kind, RecommendationCategory Category, string Text, string Evidence) kind, Actor caseworker, DateOnly today, DateTimeOffset now)
    {
        var d = facts.DecisionDate;
        var due = d.AddDays(faker.Random.Int(20, 120));
        var r = Recommendation.Draft(facts, kind.Kind, kind.Category, kind.Category == RecommendationCategory.FinancialRemedy ? faker.Random.Int(1, 40) * 50m : null,
            kind.Text, kind.Evidence, due, caseworker, At(d, 0, now));
        var body = new Actor(null, facts.BodyName);
        r.Issue(caseworker, At(d, 1, now));
        var roll = faker.Random.Double();
        if (due < today)
        {
            // Its due date has passed: follow-up has mostly ended.
            if (roll < 0.55)
            {
                Complied(r, body, caseworker, d, faker.Random.Int(5, Math.Max(5, due.DayNumber - d.DayNumber)), today, now);
            }
            else if (roll < 0.70 && due.AddDays(10) < today)
            {
                Complied(r, body, caseworker, d, due.DayNumber - d.DayNumber + faker.Random.Int(1, Math.Min(60, today.DayNumber - due.DayNumber - 1)), today, now);
            }
            else if (roll < 0.80)
            {
                r.Accept(body, At(d, 3, now), null);
                r.MarkOverdueIfDue(due.AddDays(1), At(due, 1, now));
                if (due.AddDays(30) < today)
                {
                    r.Escalate(due.AddDays(28), At(due, 28, now), "Overdue by 20 working days or more.");
                }
            }
            else if (roll < 0.92)
            {
                r.MarkOverdueIfDue(due.AddDays(1), At(due, 1, now));
                var on = Min(due.AddDays(30), today);
                r.RecordNotComplied(caseworker, At(on, 0, now), on, "No evidence after reminders and a letter to the chief executive.");
            }
            else
            {
                r.Withdraw(caseworker, At(d, 2, now), Min(d.AddDays(2), today), "Overtaken by the body's own review.");
            }
        }
        else if (roll < 0.3)
        {
            // Not yet due: still with the body.
        }
        else if (roll < 0.65)
        {
            r.Accept(body, At(d, 3, now), null);
        }
        else if (roll < 0.75)
        {
            r.Refuse(body, At(d, 4, now), "We do not agree that this would prevent a recurrence.");
        }
        else if (roll < 0.92 && d.AddDays(6) < today)
        {
            r.Accept(body, At(d, 2, now), null);
            r.SendEvidence(body, At(d, 5, now), d.AddDays(5), "Attached, as asked.", []);
        }
        else if (d.AddDays(8) < today)
        {
            r.Accept(body, At(d, 2, now), null);
            r.SendEvidence(body, At(d, 5, now), d.AddDays(5), "A draft.", []);
            r.AskForMoreEvidence(caseworker, At(d, 7, now), "Send the final version, not the draft.");
        }

        return r;
    }

    private static void Complied(Recommendation r, Actor body, Actor caseworker, DateOnly d, int evidenceAfterDays, DateOnly today, DateTimeOffset now)
    {
        var sent = Min(d.AddDays(evidenceAfterDays), today);
        r.Accept(body, At(d, 2, now), null);
        if (sent > r.DueOn)
        {
            r.MarkOverdueIfDue(r.DueOn.AddDays(1), At(r.DueOn, 1, now));
        }

        r.SendEvidence(body, At(sent, 0, now), sent, "Attached, as asked.", []);
        var checkedOn = Min(sent.AddDays(2), today);
        r.AcceptEvidence(caseworker, At(checkedOn, 0, now), checkedOn, null);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Ten in the morning, some days after a day, never later than now.</summary>
    private static DateTimeOffset At(DateOnly day, int daysLater, DateTimeOffset now)
    {
        var at = new DateTimeOffset(day.AddDays(daysLater).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        return at < now ? at : now.AddMinutes(-1);
    }
}
