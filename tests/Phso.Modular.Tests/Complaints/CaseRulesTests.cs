using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Time;

namespace Phso.Modular.Tests.Complaints;

/// <summary>The case's rules, on the aggregate itself: the stage machine, the checks, the charter clocks on each
/// nation's calendar, the provisional view's comment window and the review window.</summary>
public sealed class CaseRulesTests
{
    private static readonly CharterClockRules Clocks = new(WorkingDayCalendar.Create(), acknowledgeWithin: 5, updateEvery: 20, dueSoonWithin: 2);
    private static readonly Actor Caseworker = new(Guid.NewGuid(), "Tom Okafor");

    private static CaseTime On(int year, int month, int day, int hour = 11) => new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero), new DateOnly(year, month, day));

    private static Complaint Received(CaseTime at, Nation nation = Nation.England, Sector sector = Sector.Health, LegalRemedy legal = LegalRemedy.No) =>
        Complaint.Submit(
            new NewComplaint(
                new PersonComplaining { Name = "Jan Novak", Nation = nation, Email = "jan@example.com" }, null, new Adjustments(), Guid.NewGuid(), "Northmoor Hospitals", sector,
                "They did not treat my father's pain.", at.Today.AddMonths(-3), "He was in pain for hours.", "An apology.", BodyProcedure.Finished,
                at.Today.AddMonths(-2), at.Today.AddMonths(-1), null, legal),
            "PSO-2026-00001", at, Clocks);

    private static CheckResult Engine(EligibilityCheck check, CheckOutcome outcome) => new(check, outcome, "engine");

    private static Complaint AtAssessment(CaseTime at)
    {
        var complaint = Received(at);
        complaint.StartChecks(Caseworker, at);
        foreach (var check in Enum.GetValues<EligibilityCheck>())
        {
            complaint.DecideCheck(check, true, null, Engine(check, CheckOutcome.Met), Caseworker, at);
        }

        complaint.CompleteChecks(Caseworker, at);
        return complaint;
    }

    private static Complaint AtProvisionalView(CaseTime at, DateOnly commentsDueOn)
    {
        var complaint = AtAssessment(at);
        complaint.ChooseRoute(CaseStage.Investigation, null, Caseworker, at);
        complaint.ShareProvisionalView("## Provisional view\n\nWe are minded to uphold.", commentsDueOn, Caseworker, at, Clocks);
        return complaint;
    }

    [Theory]
    [InlineData(Nation.England, "2027-01-04")]
    [InlineData(Nation.Wales, "2027-01-04")]
    [InlineData(Nation.NorthernIreland, "2027-01-04")]
    [InlineData(Nation.Scotland, "2027-01-05")] // 2 January is a Scottish bank holiday (moved to Monday 4 January in 2027)
    public void The_acknowledgement_is_due_five_working_days_after_receipt_on_the_persons_own_calendar(Nation nation, string due)
    {
        // Received on Wednesday 23 December 2026: Christmas Day, Boxing Day (moved to Monday 28th) and New Year's Day fall within.
        var complaint = Received(On(2026, 12, 23), nation);
        var clock = Assert.Single(complaint.Clocks);
        Assert.Equal(ClockKind.Acknowledgement, clock.Kind);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), clock.DueOn);
    }

    [Fact]
    public void A_running_clock_becomes_due_soon_then_overdue_and_each_change_is_on_the_timeline_once()
    {
        var complaint = Received(On(2026, 11, 2)); // Monday: due Monday 9 November
        Assert.Empty(complaint.RefreshClocks(Clocks, On(2026, 11, 3)));
        Assert.Equal(ClockStatus.OnTrack, complaint.ClockStatus);

        Assert.Single(complaint.RefreshClocks(Clocks, On(2026, 11, 5)));
        Assert.Equal(ClockStatus.DueSoon, complaint.ClockStatus);
        Assert.Empty(complaint.RefreshClocks(Clocks, On(2026, 11, 6)));

        Assert.Single(complaint.RefreshClocks(Clocks, On(2026, 11, 10)));
        Assert.Equal(ClockStatus.Overdue, complaint.ClockStatus);
        Assert.Equal(new DateOnly(2026, 11, 9), complaint.NextClockDueOn);
        Assert.Single(complaint.Events, e => e.Kind == CaseEventKind.ClockOverdue);
        Assert.Single(complaint.Events, e => e.Kind == CaseEventKind.ClockDue);
    }

    [Fact]
    public void A_message_meets_the_acknowledgement_and_starts_the_update_clock_and_a_late_one_is_recorded_as_late()
    {
        var complaint = Received(On(2026, 11, 2));
        complaint.SendMessage("We have your complaint.", Caseworker, On(2026, 11, 4), Clocks);
        var acknowledgement = complaint.Clocks.Single(c => c.Kind == ClockKind.Acknowledgement);
        Assert.Equal(ClockState.Met, acknowledgement.State);
        Assert.Equal(CaseEventKind.Acknowledged, complaint.Events[^1].Kind);
        var update = complaint.Clocks.Single(c => c.Kind == ClockKind.Update);
        Assert.Equal(new DateOnly(2026, 12, 2), update.DueOn); // 20 working days on

        complaint.SendMessage("An update.", Caseworker, On(2026, 12, 3), Clocks);
        Assert.Equal(ClockState.MetLate, update.State);
        Assert.Equal(CaseEventKind.MessageToComplainant, complaint.Events[^1].Kind);
    }

    [Fact]
    public void A_move_the_stage_machine_does_not_allow_is_refused_saying_where_the_case_can_go()
    {
        var complaint = Received(On(2026, 11, 2));
        var refused = Assert.Throws<RuleViolationException>(() => complaint.ChooseRoute(CaseStage.Investigation, null, Caseworker, On(2026, 11, 3)));
        Assert.Equal("A case at received cannot move to investigation. From here it can move to: preliminary checks, withdrawn.", refused.Message);
        Assert.Equal(CaseStage.Received, complaint.Stage);

        complaint.Withdraw("Sorted locally.", Actor.Complainant, On(2026, 11, 3));
        var ended = Assert.Throws<RuleViolationException>(() => complaint.StartChecks(Caseworker, On(2026, 11, 4)));
        Assert.Contains("This case has ended (withdrawn)", ended.Message, StringComparison.Ordinal);
        Assert.All(complaint.Clocks, c => Assert.Equal(ClockState.Stopped, c.State));
    }

    [Fact]
    public void Checks_complete_only_when_every_check_is_decided_and_met()
    {
        var at = On(2026, 11, 2);
        var complaint = Received(at);
        complaint.StartChecks(Caseworker, at);
        complaint.DecideCheck(EligibilityCheck.Jurisdiction, true, null, Engine(EligibilityCheck.Jurisdiction, CheckOutcome.Met), Caseworker, at);
        var missing = Assert.Throws<RuleViolationException>(() => complaint.CompleteChecks(Caseworker, at));
        Assert.Contains("Still to decide: injustice from maladministration or service failure", missing.Message, StringComparison.Ordinal);

        foreach (var check in Enum.GetValues<EligibilityCheck>().Skip(1))
        {
            complaint.DecideCheck(check, check != EligibilityCheck.InTime, null, Engine(check, check == EligibilityCheck.InTime ? CheckOutcome.NotMet : CheckOutcome.Met), Caseworker, at);
        }

        var notMet = Assert.Throws<RuleViolationException>(() => complaint.CompleteChecks(Caseworker, at));
        Assert.Contains("These checks are not met: in time", notMet.Message, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Checks, complaint.Stage);
    }

    [Fact]
    public void Going_against_the_engine_or_deciding_what_it_could_not_needs_a_reason()
    {
        var at = On(2026, 11, 2);
        var complaint = Received(at);
        complaint.StartChecks(Caseworker, at);
        var against = Assert.Throws<RuleViolationException>(() => complaint.DecideCheck(EligibilityCheck.InTime, true, " ", Engine(EligibilityCheck.InTime, CheckOutcome.NotMet), Caseworker, at));
        Assert.Equal("Give the reason for your decision: it differs from the engine's view", against.Message);
        var judgement = Assert.Throws<RuleViolationException>(() => complaint.DecideCheck(EligibilityCheck.Injustice, true, null, Engine(EligibilityCheck.Injustice, CheckOutcome.NeedsJudgement), Caseworker, at));
        Assert.Contains("could not decide", judgement.Message, StringComparison.Ordinal);

        complaint.DecideCheck(EligibilityCheck.InTime, true, "Bereavement: discretion used.", Engine(EligibilityCheck.InTime, CheckOutcome.NotMet), Caseworker, at);
        var decision = Assert.Single(complaint.Checks);
        Assert.True(decision.Met);
        Assert.Equal(CheckOutcome.NotMet, decision.EngineOutcome);
        Assert.Equal("Bereavement: discretion used.", decision.Reason);
    }

    [Fact]
    public void The_final_decision_is_locked_until_both_parties_comment_or_the_window_closes()
    {
        var shared = On(2026, 11, 2);
        var due = new DateOnly(2026, 11, 16);
        var complaint = AtProvisionalView(shared, due);

        var locked = Assert.Throws<RuleViolationException>(() => complaint.RecordDecision(ComplaintOutcome.Upheld, "Upheld.", Caseworker, On(2026, 11, 10)));
        Assert.Contains("locked until the comment window closes at the end of 16 November 2026", locked.Message, StringComparison.Ordinal);
        Assert.Contains("Still waiting for: the complainant and Northmoor Hospitals", locked.Message, StringComparison.Ordinal);

        complaint.CommentAsComplainant("I agree.", On(2026, 11, 10));
        Assert.Throws<RuleViolationException>(() => complaint.CommentAsComplainant("And another thing.", On(2026, 11, 11)));
        Assert.Contains("Still waiting for: Northmoor Hospitals", complaint.DecisionLock(new DateOnly(2026, 11, 16)), StringComparison.Ordinal);
        Assert.Null(complaint.DecisionLock(new DateOnly(2026, 11, 17)));

        var tooLate = Assert.Throws<RuleViolationException>(() => complaint.CommentAsBody("We disagree.", Caseworker, On(2026, 11, 17)));
        Assert.Equal("The time for comments on the provisional view ended on 16 November 2026.", tooLate.Message);

        complaint.RecordDecision(ComplaintOutcome.Upheld, "## Decision\n\nUpheld.", Caseworker, On(2026, 11, 17));
        Assert.Equal(CaseStage.Decided, complaint.Stage);
        Assert.Equal(ComplaintOutcome.Upheld, complaint.Outcome);
        Assert.All(complaint.Clocks, c => Assert.False(c.IsRunning));
    }

    [Fact]
    public void Both_parties_commenting_unlocks_the_decision_before_the_window_closes()
    {
        var complaint = AtProvisionalView(On(2026, 11, 2), new DateOnly(2026, 11, 16));
        complaint.CommentAsComplainant("I agree.", On(2026, 11, 3));
        complaint.CommentAsBody("We accept the findings.", Caseworker, On(2026, 11, 4));
        complaint.RecordDecision(ComplaintOutcome.PartlyUpheld, "Partly upheld.", Caseworker, On(2026, 11, 4));
        Assert.Equal(new DateOnly(2026, 11, 4), complaint.DecidedOn);
    }

    [Fact]
    public void A_provisional_view_needs_a_future_date_for_comments()
    {
        var complaint = AtAssessment(On(2026, 11, 2));
        complaint.ChooseRoute(CaseStage.Investigation, null, Caseworker, On(2026, 11, 2));
        var refused = Assert.Throws<RuleViolationException>(() => complaint.ShareProvisionalView("View", new DateOnly(2026, 11, 2), Caseworker, On(2026, 11, 2), Clocks));
        Assert.Equal("The date for comments must be in the future", refused.Message);
        Assert.Equal(CaseStage.Investigation, complaint.Stage);
    }

    [Fact]
    public void A_review_can_be_asked_for_within_a_month_of_the_decision_and_only_once_at_a_time()
    {
        var complaint = AtProvisionalView(On(2026, 10, 1), new DateOnly(2026, 10, 15));
        complaint.RecordDecision(ComplaintOutcome.NotUpheld, "Not upheld.", Caseworker, On(2026, 10, 16));
        Assert.Equal(new DateOnly(2026, 11, 16), complaint.ReviewWindowEnds(1));
        Assert.Equal(new DateOnly(2027, 1, 8), complaint.JudicialReviewDeadline);

        var late = Assert.Throws<RuleViolationException>(() => complaint.RequestReview(ReviewGrounds.NewInformation, "I have new evidence.", 1, On(2026, 11, 17), Clocks));
        Assert.StartsWith("The time to ask for a review ended on 16 November 2026, 1 month after the decision.", late.Message, StringComparison.Ordinal);
        var noGrounds = Assert.Throws<RuleViolationException>(() => complaint.RequestReview(ReviewGrounds.None, "I disagree.", 1, On(2026, 11, 16), Clocks));
        Assert.Equal("Select at least one reason for asking for a review", noGrounds.Message);

        complaint.RequestReview(ReviewGrounds.NewInformation | ReviewGrounds.InaccurateFacts, "I have new evidence.", 1, On(2026, 11, 16), Clocks);
        Assert.Equal(CaseStage.UnderReview, complaint.Stage);
        Assert.Contains(complaint.Clocks, c => c.Kind == ClockKind.Update && c.IsRunning);
        Assert.Throws<RuleViolationException>(() => complaint.RequestReview(ReviewGrounds.NewInformation, "Again.", 1, On(2026, 11, 16), Clocks));

        complaint.RecordReviewOutcome(ReviewOutcome.DecisionStands, "The new evidence does not change the findings.", Caseworker, On(2026, 11, 20));
        Assert.Equal(CaseStage.Closed, complaint.Stage);
        Assert.Equal(ReviewOutcome.DecisionStands, Assert.Single(complaint.Reviews).Outcome);
    }

    [Fact]
    public void Reconsidering_a_declined_complaint_sends_it_back_to_assessment()
    {
        var at = On(2026, 11, 2);
        var complaint = Received(at);
        complaint.StartChecks(Caseworker, at);
        complaint.Decline([DeclineReason.Premature], Signpost.BodyComplaintsProcedure, "Complain to the trust first.", Caseworker, at);
        Assert.Equal(CaseStage.Declined, complaint.Stage);

        complaint.RequestReview(ReviewGrounds.InaccurateFacts, "I did complain to the trust: here is its reply.", 1, On(2026, 11, 9), Clocks);
        complaint.RecordReviewOutcome(ReviewOutcome.Reconsider, "The trust had replied; the complaint was not premature.", Caseworker, On(2026, 11, 12));
        Assert.Equal(CaseStage.Assessment, complaint.Stage);
    }

    [Fact]
    public void Declining_needs_a_reason_and_an_explanation_in_the_caseworkers_own_words()
    {
        var at = On(2026, 11, 2);
        var complaint = Received(at);
        complaint.StartChecks(Caseworker, at);
        Assert.Equal("Select at least one reason for declining", Assert.Throws<RuleViolationException>(() => complaint.Decline([], Signpost.Other, "Because.", Caseworker, at)).Message);
        Assert.Equal("Explain the decision to the person in your own words", Assert.Throws<RuleViolationException>(() => complaint.Decline([DeclineReason.OutOfTime], Signpost.Other, " ", Caseworker, at)).Message);
        Assert.Equal(CaseStage.Checks, complaint.Stage);
    }

    [Fact]
    public void High_priority_needs_a_reason()
    {
        var complaint = Received(On(2026, 11, 2));
        var refused = Assert.Throws<RuleViolationException>(() => complaint.SetPriority(Priority.High, PriorityReasons.None, null, Caseworker, On(2026, 11, 2)));
        Assert.Equal("Select why this case has high priority", refused.Message);
        complaint.SetPriority(Priority.High, PriorityReasons.TerminalIllness, "Palliative care.", Caseworker, On(2026, 11, 2));
        Assert.Equal("High priority: terminal illness", complaint.Events[^1].Summary);
    }
}
