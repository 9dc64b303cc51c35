using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Time;

namespace Phso.Modular.Tests.Recommendations;

/// <summary>Every move tried from every status: allowed where the table says, refused with a message everywhere else,
/// each allowed move writing one step of history.</summary>
public sealed class RecommendationMovesTests
{
    private static readonly DateOnly Decided = new(2026, 9, 1);
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 10, 1);
    private static readonly Actor Caseworker = new(Guid.NewGuid(), "Tom Caseworker");

    public static TheoryData<RecommendationMove, RecommendationStatus> EveryMoveFromEveryStatus()
    {
        var data = new TheoryData<RecommendationMove, RecommendationStatus>();
        foreach (var move in Enum.GetValues<RecommendationMove>())
        {
            foreach (var status in Enum.GetValues<RecommendationStatus>())
            {
                data.Add(move, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMoveFromEveryStatus))]
    public void A_move_is_made_only_from_the_statuses_the_table_allows(RecommendationMove move, RecommendationStatus status)
    {
        var recommendation = At(status, dueOn: new DateOnly(2026, 9, 20));
        if (move == RecommendationMove.DecidePublicReport && status == RecommendationStatus.Overdue)
        {
            // Only an escalated recommendation has the decision: escalation is the job's step before it.
            recommendation.Escalate(Today, Now, "Overdue by 20 working days.");
        }

        var steps = recommendation.Steps.Count;
        var allowed = RecommendationMoves.Allows(move, status);
        var act = () => Make(recommendation, move);
        if (allowed)
        {
            act();
            Assert.Equal(steps + 1, recommendation.Steps.Count);
            Assert.Equal(status, recommendation.Steps[^1].From);
            Assert.Equal(recommendation.Status, recommendation.Steps[^1].To);
        }
        else
        {
            var refused = Assert.Throws<RuleViolationException>(act);
            Assert.Contains("cannot", refused.Message, StringComparison.Ordinal);
            Assert.Equal(status, recommendation.Status);
            Assert.Equal(steps, recommendation.Steps.Count);
        }
    }

    [Fact]
    public void Evidence_accepted_is_complied_when_it_came_by_the_due_date_and_complied_late_when_after()
    {
        var onTime = At(RecommendationStatus.Accepted, dueOn: new DateOnly(2026, 10, 1));
        onTime.SendEvidence(Caseworker, Now, new DateOnly(2026, 10, 1), "The apology letter.", []);
        onTime.AcceptEvidence(Caseworker, Now, Today, null);
        Assert.Equal(RecommendationStatus.Complied, onTime.Status);
        Assert.Equal(Today, onTime.FinishedOn);

        var late = At(RecommendationStatus.Accepted, dueOn: new DateOnly(2026, 9, 30));
        late.SendEvidence(Caseworker, Now, new DateOnly(2026, 10, 1), "The apology letter.", []);
        late.AcceptEvidence(Caseworker, Now, Today, null);
        Assert.Equal(RecommendationStatus.CompliedLate, late.Status);
    }

    [Fact]
    public void Going_back_for_more_evidence_as_often_as_needed_judges_lateness_by_the_last_evidence()
    {
        var recommendation = At(RecommendationStatus.Accepted, dueOn: new DateOnly(2026, 10, 5));
        recommendation.SendEvidence(Caseworker, Now, new DateOnly(2026, 10, 1), "A draft policy.", []);
        recommendation.AskForMoreEvidence(Caseworker, Now, "Send the signed-off policy.");
        recommendation.SendEvidence(Caseworker, Now, new DateOnly(2026, 10, 3), "Signed off, but not yet shared with staff.", []);
        recommendation.AskForMoreEvidence(Caseworker, Now, "Show it was shared with staff.");
        recommendation.SendEvidence(Caseworker, Now, new DateOnly(2026, 10, 9), "The staff bulletin.", []);
        recommendation.AcceptEvidence(Caseworker, Now, new DateOnly(2026, 10, 9), "Done.");
        Assert.Equal(RecommendationStatus.CompliedLate, recommendation.Status);
        Assert.Equal(
            [RecommendationStatus.Issued, RecommendationStatus.Accepted, RecommendationStatus.EvidenceSent, RecommendationStatus.MoreEvidenceAsked, RecommendationStatus.EvidenceSent,
             RecommendationStatus.MoreEvidenceAsked, RecommendationStatus.EvidenceSent, RecommendationStatus.CompliedLate],
            recommendation.Steps.Select(s => s.To));
    }

    [Fact]
    public void Overdue_comes_only_after_the_due_date_and_never_while_evidence_waits_to_be_checked_or_after_the_end()
    {
        var recommendation = At(RecommendationStatus.Accepted, dueOn: new DateOnly(2026, 9, 30));
        Assert.False(recommendation.MarkOverdueIfDue(new DateOnly(2026, 9, 30), Now));
        Assert.True(recommendation.MarkOverdueIfDue(new DateOnly(2026, 10, 1), Now));
        Assert.Equal(RecommendationStatus.Overdue, recommendation.Status);
        Assert.False(recommendation.MarkOverdueIfDue(new DateOnly(2026, 10, 2), Now));

        var waiting = At(RecommendationStatus.EvidenceSent, dueOn: new DateOnly(2026, 9, 20));
        Assert.False(waiting.MarkOverdueIfDue(Today, Now));
        Assert.False(waiting.IsOverdueOn(Today));
        var done = At(RecommendationStatus.Complied, dueOn: new DateOnly(2026, 9, 20));
        Assert.False(done.MarkOverdueIfDue(Today, Now));
    }

    [Fact]
    public void Escalation_happens_once_and_the_public_report_decision_needs_it()
    {
        var recommendation = At(RecommendationStatus.Overdue, dueOn: new DateOnly(2026, 9, 20));
        Assert.Throws<RuleViolationException>(() => recommendation.DecidePublicReport(Caseworker, Now, Today, true, "Reason."));
        recommendation.Escalate(Today, Now, "Overdue.");
        Assert.Equal(Today, recommendation.EscalatedOn);
        Assert.Throws<RuleViolationException>(() => recommendation.Escalate(Today, Now, "Again."));
        Assert.Throws<RuleViolationException>(() => recommendation.DecidePublicReport(Caseworker, Now, Today, true, " "));
        recommendation.DecidePublicReport(Caseworker, Now, Today, false, "The body has now sent a plan.");
        Assert.False(recommendation.ReportPublicly);
        Assert.Equal(RecommendationStatus.Overdue, recommendation.Status);
        Assert.Equal("The body has now sent a plan.", recommendation.PublicReportReason);
    }

    [Fact]
    public void Only_a_financial_remedy_has_an_amount_and_it_must_be_due_after_the_decision()
    {
        var facts = new DecidedCaseFacts(Guid.NewGuid(), "PSO-2026-00001", Guid.NewGuid(), "Coldharbour", Sector.Health, Decided, Nation.England);
        Assert.Throws<RuleViolationException>(() => Recommendation.Draft(facts, RecommendationKind.Individual, RecommendationCategory.FinancialRemedy, null, "Pay.", "Receipt.", Decided.AddDays(20), Caseworker, Now));
        Assert.Throws<RuleViolationException>(() => Recommendation.Draft(facts, RecommendationKind.Individual, RecommendationCategory.Apology, 100m, "Apologise.", "Letter.", Decided.AddDays(20), Caseworker, Now));
        Assert.Throws<RuleViolationException>(() => Recommendation.Draft(facts, RecommendationKind.Individual, RecommendationCategory.Apology, null, "Apologise.", "Letter.", Decided, Caseworker, Now));
    }

    /// <summary>A recommendation brought to <paramref name="status"/> by the moves a real one would make.</summary>
    private static Recommendation At(RecommendationStatus status, DateOnly dueOn)
    {
        var facts = new DecidedCaseFacts(Guid.NewGuid(), "PSO-2026-00001", Guid.NewGuid(), "Coldharbour Teaching Hospitals NHS Trust", Sector.Health, Decided, Nation.England);
        var r = Recommendation.Draft(facts, RecommendationKind.Individual, RecommendationCategory.Apology, null, "Apologise to Mrs C.", "A copy of the letter.", dueOn, Caseworker, Now);
        switch (status)
        {
            case RecommendationStatus.Draft:
                break;
            case RecommendationStatus.Issued:
                r.Issue(Caseworker, Now);
                break;
            case RecommendationStatus.Accepted:
                r.Issue(Caseworker, Now);
                r.Accept(Caseworker, Now, null);
                break;
            case RecommendationStatus.NotAccepted:
                r.Issue(Caseworker, Now);
                r.Refuse(Caseworker, Now, "We disagree.");
                break;
            case RecommendationStatus.AlternativeAgreed:
                r.Issue(Caseworker, Now);
                r.Refuse(Caseworker, Now, "We disagree.");
                r.AgreeAlternative(Caseworker, Now, "Something else.", dueOn);
                break;
            case RecommendationStatus.EvidenceSent:
                r = At(RecommendationStatus.Accepted, dueOn);
                r.SendEvidence(Caseworker, Now, Today, "The letter.", []);
                break;
            case RecommendationStatus.MoreEvidenceAsked:
                r = At(RecommendationStatus.EvidenceSent, dueOn);
                r.AskForMoreEvidence(Caseworker, Now, "More.");
                break;
            case RecommendationStatus.Overdue:
                r = At(RecommendationStatus.Accepted, dueOn);
                Assert.True(r.MarkOverdueIfDue(dueOn.AddDays(1), Now));
                break;
            case RecommendationStatus.Complied:
            case RecommendationStatus.CompliedLate:
                // Evidence is sent "today": a due date after it is complied, one before it complied late.
                r = At(RecommendationStatus.EvidenceSent, status == RecommendationStatus.Complied ? Today.AddDays(10) : Today.AddDays(-1));
                r.AcceptEvidence(Caseworker, Now, Today, null);
                break;
            case RecommendationStatus.NotComplied:
                r = At(RecommendationStatus.Accepted, dueOn);
                r.RecordNotComplied(Caseworker, Now, Today, "Nothing done.");
                break;
            case RecommendationStatus.Withdrawn:
                r.Withdraw(Caseworker, Now, Today, "Duplicate.");
                break;
        }

        Assert.Equal(status, r.Status);
        return r;
    }

    private static void Make(Recommendation r, RecommendationMove move)
    {
        switch (move)
        {
            case RecommendationMove.Issue: r.Issue(Caseworker, Now); break;
            case RecommendationMove.Accept: r.Accept(Caseworker, Now, null); break;
            case RecommendationMove.Refuse: r.Refuse(Caseworker, Now, "No."); break;
            case RecommendationMove.AgreeAlternative: r.AgreeAlternative(Caseworker, Now, "Instead.", Today.AddDays(30)); break;
            case RecommendationMove.SendEvidence: r.SendEvidence(Caseworker, Now, Today, "Evidence.", []); break;
            case RecommendationMove.AskForMoreEvidence: r.AskForMoreEvidence(Caseworker, Now, "More."); break;
            case RecommendationMove.AcceptEvidence: r.AcceptEvidence(Caseworker, Now, Today, null); break;
            case RecommendationMove.RecordNotComplied: r.RecordNotComplied(Caseworker, Now, Today, "Not done."); break;
            case RecommendationMove.Withdraw: r.Withdraw(Caseworker, Now, Today, "Withdrawn."); break;
            case RecommendationMove.Escalate: r.Escalate(Today, Now, "Overdue by 20 working days."); break;
            case RecommendationMove.DecidePublicReport: r.DecidePublicReport(Caseworker, Now, Today, true, "Third escalation this year."); break;
            case RecommendationMove.MarkOverdue:
                // The sweep's move says false rather than throwing when the status does not allow it.
                if (!r.MarkOverdueIfDue(Today, Now))
                {
                    throw new RuleViolationException(RecommendationMoves.Refusal(move, r.Status));
                }

                break;
        }
    }
}
