using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Persistence;
using Phso.Modules.Training.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.DemoData;

/// <summary>Recommendations on the demo's upheld cases, at every status: the recent Kingsbridge decision's are issued
/// and waiting; Coldharbour's (the partner, whose lead can sign in) are complied, waiting for the caseworker to check
/// evidence, and accepted (staff training with the course assigned to its three handlers, one of whom has done it); Northmoor's are overdue (escalated to senior managers) and refused; Riverside's have an alternative agreed, more evidence
/// asked for, not complied and a withdrawn one. Built with the domain's own moves, dated from each decision.</summary>
internal static class DemoRecommendations
{
    private static readonly Actor Caseworker = new(null, "Tom Okafor");

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RecommendationsDbContext>();
        if (await db.Recommendations.AnyAsync(cancellationToken))
        {
            return;
        }

        var mediator = services.GetRequiredService<IMediator>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = UkTime.Today(clock);
        var decided = await mediator.Send(new ListDecidedCases(today.AddYears(-1), today), cancellationToken);

        async Task<DecidedCaseFacts?> CaseAbout(string bodyPrefix)
        {
            var found = decided.FirstOrDefault(c => c.BodyName.StartsWith(bodyPrefix, StringComparison.Ordinal) && c.Outcome is ComplaintOutcome.Upheld or ComplaintOutcome.PartlyUpheld && c.OrganisationId is not null);
            var body = found is null ? null : await mediator.Send(new GetOrganisation(found.OrganisationId!.Value), cancellationToken);
            return found is null || body is null ? null : new DecidedCaseFacts(found.ComplaintId, found.Reference, body.Id, body.Name, body.Sector, found.DecisionDate, body.Nation);
        }

        var lead = new Actor(null, "Priya Shah (partner lead)");
        if (await CaseAbout("Kingsbridge") is { } kingsbridge)
        {
            var at = Instant(kingsbridge.DecisionDate, 1);
            Add(db, kingsbridge, RecommendationKind.Individual, RecommendationCategory.Apology, null,
                "Apologise to Mrs Haddad's family for the delay in reaching her grandmother, explaining what went wrong.", "A copy of the apology letter.", 20, r => r.Issue(Caseworker, at));
            Add(db, kingsbridge, RecommendationKind.Systemic, RecommendationCategory.ActionPlan, null,
                "Review how call handlers are trained to triage head injuries in patients taking anticoagulants, and send us an action plan.", "The action plan, signed off by the medical director.", 60, r => r.Issue(Caseworker, at));
        }

        if (await CaseAbout("Coldharbour") is { } coldharbour)
        {
            var d = coldharbour.DecisionDate;
            Add(db, coldharbour, RecommendationKind.Individual, RecommendationCategory.Apology, null,
                "Apologise to Mrs Ross for the failings in her care.", "A copy of the apology letter.", 20, r =>
                {
                    r.Issue(Caseworker, Instant(d, 1));
                    r.Accept(lead, Instant(d, 3), "Our chief executive will write.");
                    r.SendEvidence(lead, Instant(d, 10), d.AddDays(10), "The letter sent on behalf of the chief executive.", []);
                    r.AcceptEvidence(Caseworker, Instant(d, 12), d.AddDays(12), "A full and meaningful apology.");
                });
            Add(db, coldharbour, RecommendationKind.Individual, RecommendationCategory.FinancialRemedy, 250m,
                "Pay Mrs Ross £250 in recognition of the distress caused.", "Confirmation of the payment.", 30, r =>
                {
                    r.Issue(Caseworker, Instant(d, 1));
                    r.Accept(lead, Instant(d, 3), null);
                    r.SendEvidence(lead, Instant(d, 20), d.AddDays(20), "Paid by bank transfer; the remittance advice is with our finance team.", []);
                });
            // Staff training naming a course for the body's three handlers: one has completed it already.
            var course = (await mediator.Send(new ListCoursesForHandlers(coldharbour.OrganisationId), cancellationToken))
                .FirstOrDefault(c => c.Title.Contains("complaint", StringComparison.OrdinalIgnoreCase));
            var handlers = (await mediator.Send(new FindPeople(Roles.PartnerHandler, coldharbour.OrganisationId), cancellationToken)).Select(p => p.Id).ToList();
            var training = Add(db, coldharbour, RecommendationKind.Systemic, RecommendationCategory.StaffTrained, null,
                "Make sure the ward's complaint handlers complete the complaint-handling training.", "Each handler's completion.", 120, r =>
                {
                    if (course is not null && handlers.Count > 0)
                    {
                        r.NameTraining(course.Id, course.Title, handlers);
                    }

                    r.Issue(Caseworker, Instant(d, 1));
                    r.Accept(lead, Instant(d, 4), "Our complaints team will take the course this quarter.");
                });
            if (training.TrainingCourseId is { } courseId)
            {
                training.TrainingAssigned(await mediator.Send(
                    new AssignCourseToHandlers(courseId, coldharbour.OrganisationId, training.TraineeIds, training.DueOn, $"recommendation on case {coldharbour.Reference}"), cancellationToken));
            }
        }

        if (await CaseAbout("Northmoor") is { } northmoor)
        {
            var d = northmoor.DecisionDate;
            Add(db, northmoor, RecommendationKind.Systemic, RecommendationCategory.ProcedureChanged, null,
                "Change the discharge procedure so that a patient's GP is told the same day.", "The revised procedure and an audit of a month's discharges.", 25, r =>
                {
                    r.Issue(Caseworker, Instant(d, 1));
                    r.Accept(new Actor(null, "Northmoor Hospitals NHS Foundation Trust"), Instant(d, 5), null);
                    r.MarkOverdueIfDue(d.AddDays(26), Instant(d, 26));
                    if (d.AddDays(60) <= today)
                    {
                        // What the follow-up job does 20 working days after the due date (about four weeks).
                        r.Escalate(d.AddDays(53), Instant(d, 53), "Overdue by 20 working days or more.");
                    }
                });
            Add(db, northmoor, RecommendationKind.Individual, RecommendationCategory.DecisionRetaken, null,
                "Take the decision on Mrs Ross's continuing healthcare funding again.", "The new decision letter.", 40, r =>
                {
                    r.Issue(Caseworker, Instant(d, 1));
                    r.Refuse(new Actor(null, "Northmoor Hospitals NHS Foundation Trust"), Instant(d, 8), "The decision was made by the integrated care board, not by us.");
                });
        }

        if (await CaseAbout("Riverside") is { } other)
        {
            var d = other.DecisionDate;
            var body = new Actor(null, other.BodyName);
            Add(db, other, RecommendationKind.Systemic, RecommendationCategory.ProcedureChanged, null,
                "Review the out-of-hours referral procedure with the crisis team.", "The reviewed procedure.", 30, r =>
                {
                    r.Issue(Caseworker, Instant(d, 1));
                    r.Refuse(body, Instant(d, 4), "The crisis team has been replaced by a new service.");
                    r.AgreeAlternative(Caseworker, Instant(d, 6), "Include the referral steps in the new service's operating procedure.", d.AddDays(90));
                });
            Add(db, other, RecommendationKind.Individual, RecommendationCategory.Apology, null,
                "Apologise for not following the crisis plan.", "A copy of the apology letter.", 20, r =>
                {
                    r.Issue(Caseworker, Instant(d, 1));
                    r.Accept(body, Instant(d, 2), null);
                    r.SendEvidence(body, Instant(d, 9), d.AddDays(9), "A draft of the letter.", []);
                    r.AskForMoreEvidence(Caseworker, Instant(d, 11), "Send the letter as it was sent, not the draft.");
                });
            Add(db, other, RecommendationKind.Individual, RecommendationCategory.FinancialRemedy, 150m,
                "Pay £150 for the time and trouble of complaining.", "Confirmation of the payment.", 20, r =>
                {
                    r.Issue(Caseworker, Instant(d, 1));
                    r.MarkOverdueIfDue(d.AddDays(21), Instant(d, 21));
                    r.RecordNotComplied(Caseworker, Instant(d, 40), d.AddDays(40), "No reply to two reminders.");
                });
            Add(db, other, RecommendationKind.Systemic, RecommendationCategory.Other, null,
                "Publish the service's complaint figures each quarter.", "The published figures.", 60, r => r.Withdraw(Caseworker, Instant(d, 2), d.AddDays(2), "Already required by the commissioner."));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Recommendation Add(
        RecommendationsDbContext db, DecidedCaseFacts facts, RecommendationKind kind, RecommendationCategory category, decimal? amount, string text, string evidence, int dueInDays,
        Action<Recommendation> story)
    {
        var recommendation = Recommendation.Draft(facts, kind, category, amount, text, evidence, facts.DecisionDate.AddDays(dueInDays), Caseworker, Instant(facts.DecisionDate, 0));
        story(recommendation);
        db.Recommendations.Add(recommendation);
        return recommendation;
    }

    private static DateTimeOffset Instant(DateOnly day, int daysLater) => new(day.AddDays(daysLater).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
