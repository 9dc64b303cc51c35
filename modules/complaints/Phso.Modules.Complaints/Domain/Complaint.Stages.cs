using System.Globalization;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Complaints.Domain;

/// <summary>The case through its stages: checks, route, provisional view and comments, decision, decline, withdrawal, review. Each step checks the stage machine (CaseStages) and the case's rules, and writes its timeline entry.</summary>
public sealed partial class Complaint
{
    public void StartChecks(Actor actor, CaseTime time) => MoveTo(CaseStage.Checks, actor, time, "Preliminary checks started");

    /// <summary>Records the caseworker's decision on one check. A decision that differs from the engine's view, or
    /// where the engine could not decide, needs a reason (discretion on time limits, for example).</summary>
    public void DecideCheck(EligibilityCheck check, bool met, string? reason, CheckResult engine, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(actor);
        RequireStage(CaseStage.Checks, "Checks can be recorded only at the preliminary checks stage.");
        var agreesWithEngine = engine.Outcome == (met ? CheckOutcome.Met : CheckOutcome.NotMet);
        if (!agreesWithEngine && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException(engine.Outcome == CheckOutcome.NeedsJudgement
                ? "Give the reason for your decision: the engine could not decide this check"
                : "Give the reason for your decision: it differs from the engine's view");
        }

        var decision = _checks.SingleOrDefault(c => c.Check == check);
        if (decision is null)
        {
            decision = new CheckDecision { ComplaintId = Id, Check = check };
            _checks.Add(decision);
        }

        decision.Met = met;
        decision.Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        decision.EngineOutcome = engine.Outcome;
        decision.DecidedById = actor.Id;
        decision.DecidedByName = actor.Name;
        decision.DecidedAt = time.Now;
        Record(CaseEventKind.CheckDecided, actor, time, $"{check.Describe()}: {(met ? "met" : "not met")}", decision.Reason, Visibility.Internal);
    }

    /// <summary>Moves to assessment once every check is decided and met.</summary>
    public void CompleteChecks(Actor actor, CaseTime time)
    {
        RequireStage(CaseStage.Checks, "Checks can be completed only at the preliminary checks stage.");
        var missing = Enum.GetValues<EligibilityCheck>().Where(c => _checks.All(d => d.Check != c)).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException($"Record a decision on every check first. Still to decide: {string.Join(", ", missing.Select(c => c.Describe().ToLowerInvariant()))}.");
        }

        var notMet = _checks.Where(d => !d.Met).ToList();
        if (notMet.Count > 0)
        {
            throw new RuleViolationException($"These checks are not met: {string.Join(", ", notMet.Select(d => d.Check.Describe().ToLowerInvariant()))}. Decline the complaint, or change your decision with a reason.");
        }

        MoveTo(CaseStage.Assessment, actor, time, "All preliminary checks met: assessment started");
    }

    /// <summary>Chooses how to handle the complaint after assessment, or escalates early resolution or mediation to an investigation.</summary>
    public void ChooseRoute(CaseStage route, string? reason, Actor actor, CaseTime time)
    {
        if (route is not (CaseStage.EarlyResolution or CaseStage.Mediation or CaseStage.Investigation))
        {
            throw new RuleViolationException("Choose early resolution, mediation or investigation");
        }

        MoveTo(route, actor, time, $"{CaseStages.Describe(route)} started", reason);
    }

    public void ResolveWithoutInvestigation(string summary, Actor actor, CaseTime time)
    {
        if (Stage is not (CaseStage.EarlyResolution or CaseStage.Mediation))
        {
            throw new RuleViolationException("Only a case in early resolution or mediation can be resolved without an investigation.");
        }

        RequireText(summary, "Say how the complaint was resolved");
        Decide(ComplaintOutcome.ResolvedWithoutInvestigation, summary, actor, time);
    }

    /// <summary>Shares the provisional view with both parties; the final decision is locked until the comments are
    /// in or the window has closed. Sharing it is an update to the person, so it meets the running update clock.</summary>
    public void ShareProvisionalView(string markdown, DateOnly commentsDueOn, Actor actor, CaseTime time, CharterClockRules clocks)
    {
        ArgumentNullException.ThrowIfNull(time);
        RequireText(markdown, "Write the provisional view");
        if (commentsDueOn <= time.Today)
        {
            throw new RuleViolationException("The date for comments must be in the future");
        }

        MoveTo(CaseStage.ProvisionalView, actor, time, $"Provisional view shared with both parties; comments by {Day(commentsDueOn)}", null, Visibility.Complainant);

        ProvisionalViewMarkdown = markdown.Trim();
        ProvisionalViewSharedOn = time.Today;
        CommentsDueOn = commentsDueOn;
        ComplainantComment = null;
        ComplainantCommentedAt = null;
        BodyComment = null;
        BodyCommentedAt = null;
        Record(CaseEventKind.ProvisionalViewShared, actor, time, "Provisional view shared", ProvisionalViewMarkdown, Visibility.Complainant);
        Contacted(time, clocks);
    }

    public void CommentAsComplainant(string comment, CaseTime time)
    {
        RequireCommentWindow(time, ComplainantCommentedAt, "You have already sent your comments on the provisional view. To add more, send us a message.");
        RequireText(comment, "Enter your comments on the provisional view");
        ComplainantComment = comment.Trim();
        ComplainantCommentedAt = time.Now;
        Record(CaseEventKind.ComplainantComment, Actor.Complainant, time, "Comments on the provisional view received from the complainant", ComplainantComment, Visibility.Complainant);
    }

    public void CommentAsBody(string comment, Actor actor, CaseTime time)
    {
        RequireCommentWindow(time, BodyCommentedAt, $"{Possessive.Of(BodyName)} comments on the provisional view are already recorded.");
        RequireText(comment, "Enter the organisation's comments on the provisional view");
        BodyComment = comment.Trim();
        BodyCommentedAt = time.Now;
        Record(CaseEventKind.BodyComment, actor, time, $"Comments on the provisional view received from {BodyName}", BodyComment, Visibility.Internal);
    }

    /// <summary>Why the final decision cannot be recorded yet, or null when it can.</summary>
    public string? DecisionLock(DateOnly today)
    {
        if (Stage != CaseStage.ProvisionalView)
        {
            return null;
        }

        if (today > CommentsDueOn || (ComplainantCommentedAt is not null && BodyCommentedAt is not null))
        {
            return null;
        }

        var waitingFor = new[] { ComplainantCommentedAt is null ? "the complainant" : null, BodyCommentedAt is null ? BodyName : null }.OfType<string>();
        return $"The final decision is locked until the comment window closes at the end of {Day(CommentsDueOn!.Value)}, or both parties have responded. Still waiting for: {string.Join(" and ", waitingFor)}.";
    }

    public void RecordDecision(ComplaintOutcome outcome, string findingsMarkdown, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (outcome == ComplaintOutcome.ResolvedWithoutInvestigation)
        {
            throw new RuleViolationException("Choose upheld, partly upheld or not upheld");
        }

        if (!CaseStages.CanMove(Stage, CaseStage.Decided) || Stage != CaseStage.ProvisionalView)
        {
            throw new RuleViolationException(Stage == CaseStage.ProvisionalView ? CaseStages.Refusal(Stage, CaseStage.Decided) : $"A final decision follows a provisional view. This case is at {CaseStages.Describe(Stage).ToLowerInvariant()}.");
        }

        if (DecisionLock(time.Today) is { } lockMessage)
        {
            throw new RuleViolationException(lockMessage);
        }

        RequireText(findingsMarkdown, "Write the findings");
        Decide(outcome, findingsMarkdown, actor, time);
    }

    public void Close(Actor actor, CaseTime time) => MoveTo(CaseStage.Closed, actor, time, "Case closed", null, Visibility.Complainant);

    public void Decline(IReadOnlyCollection<DeclineReason> reasons, Signpost signpost, string explanation, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(time);
        if (reasons.Count == 0)
        {
            throw new RuleViolationException("Select at least one reason for declining");
        }

        RequireText(explanation, "Explain the decision to the person in your own words");
        MoveTo(CaseStage.Declined, actor, time, "Complaint declined", explanation.Trim(), Visibility.Complainant);
        DeclineReasons = string.Join(",", reasons.Distinct());
        Signpost = signpost;
        DeclineExplanation = explanation.Trim();
        DecidedOn = time.Today;
    }

    public void Withdraw(string? reason, Actor actor, CaseTime time)
    {
        if (!CaseStages.CanBeWithdrawn(Stage))
        {
            throw new RuleViolationException($"This case cannot be withdrawn now: it is at {CaseStages.Describe(Stage).ToLowerInvariant()}.");
        }

        WithdrawnReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        MoveTo(CaseStage.Withdrawn, actor, time, "Complaint withdrawn", WithdrawnReason, Visibility.Complainant);
    }

    /// <summary>The last day a review can be asked for, or null when there is no decision to review.</summary>
    public DateOnly? ReviewWindowEnds(int windowMonths) => Stage is CaseStage.Decided or CaseStage.Closed or CaseStage.Declined && DecidedOn is { } decided
        ? decided.AddMonths(windowMonths)
        : null;

    /// <summary>The last day judicial review can be sought (12 weeks from the decision).</summary>
    public DateOnly? JudicialReviewDeadline => DecidedOn?.AddDays(7 * 12);

    public void RequestReview(ReviewGrounds grounds, string explanation, int windowMonths, CaseTime time, CharterClockRules clocks)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (_reviews.Any(r => r.Outcome is null))
        {
            throw new RuleViolationException("You have already asked for a review. We will tell you the outcome.");
        }

        if (ReviewWindowEnds(windowMonths) is not { } lastDay)
        {
            throw new RuleViolationException("There is no decision to review yet.");
        }

        if (time.Today > lastDay)
        {
            throw new RuleViolationException($"The time to ask for a review ended on {Day(lastDay)}, {windowMonths} month{(windowMonths == 1 ? "" : "s")} after the decision. You may still be able to ask a court for a judicial review (see below).");
        }

        if (grounds == ReviewGrounds.None)
        {
            throw new RuleViolationException("Select at least one reason for asking for a review");
        }

        RequireText(explanation, "Explain why you think the decision should be reviewed");
        StageBeforeReview = Stage;
        MoveTo(CaseStage.UnderReview, Actor.Complainant, time, "Review of the decision requested", explanation.Trim(), Visibility.Complainant);
        _reviews.Add(new ReviewRequest { Id = Guid.CreateVersion7(time.Now), ComplaintId = Id, RequestedAt = time.Now, Grounds = grounds, Explanation = explanation.Trim() });
        Record(CaseEventKind.ReviewRequested, Actor.Complainant, time, $"Review requested: {string.Join("; ", grounds.Each().Select(g => g.Describe().ToLowerInvariant()))}", explanation.Trim(), Visibility.Complainant);
        StartClock(ClockKind.Update, time.Today, clocks);
    }

    public void RecordReviewOutcome(ReviewOutcome outcome, string reason, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(time);
        RequireStage(CaseStage.UnderReview, "There is no review waiting for an outcome.");
        RequireText(reason, "Explain the outcome of the review");
        var review = _reviews.Single(r => r.Outcome is null);
        review.Outcome = outcome;
        review.OutcomeReason = reason.Trim();
        review.DecidedAt = time.Now;
        review.DecidedBy = actor.Name;
        var wasDeclined = StageBeforeReview == CaseStage.Declined;
        var next = outcome == ReviewOutcome.DecisionStands
            ? wasDeclined ? CaseStage.Declined : CaseStage.Closed
            : wasDeclined ? CaseStage.Assessment : CaseStage.Investigation;
        MoveTo(next, actor, time, outcome == ReviewOutcome.DecisionStands ? "Review complete: the decision stands" : "Review complete: the decision will be looked at again", reason.Trim(), Visibility.Complainant);
        Record(CaseEventKind.ReviewDecided, actor, time, outcome == ReviewOutcome.DecisionStands ? "The decision stands" : "The complaint is being looked at again", reason.Trim(), Visibility.Complainant);
    }

    private void Decide(ComplaintOutcome outcome, string findings, Actor actor, CaseTime time)
    {
        MoveTo(CaseStage.Decided, actor, time, $"Final decision: {outcome.Describe().ToLowerInvariant()}", null, Visibility.Complainant);
        Outcome = outcome;
        FindingsMarkdown = findings.Trim();
        DecidedOn = time.Today;
        Record(CaseEventKind.Decision, actor, time, $"Final decision: {outcome.Describe()}", FindingsMarkdown, Visibility.Complainant);
    }

    private void MoveTo(CaseStage to, Actor actor, CaseTime time, string summary, string? detail = null, Visibility visibility = Visibility.Complainant)
    {
        if (!CaseStages.CanMove(Stage, to))
        {
            throw new RuleViolationException(CaseStages.Refusal(Stage, to));
        }

        Stage = to;
        Record(CaseEventKind.StageChanged, actor, time, summary, detail, visibility);
        if (!CaseStages.IsOpen(to))
        {
            foreach (var clock in _clocks.Where(c => c.IsRunning))
            {
                clock.State = ClockState.Stopped;
                clock.CompletedOn = time.Today;
            }
        }

        RefreshClockStatus();
    }
}
