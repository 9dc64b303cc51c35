using System.Globalization;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Complaints.Domain;

public enum DeclineReason
{
    NotInRemit,
    NoInjustice,
    NotASuitablePerson,
    OutOfTime,
    Premature,
    NoMpReferral,
    AlternativeRemedy,
    CannotAddValue,
}

public enum Signpost
{
    BodyComplaintsProcedure,
    CourtOrTribunal,
    LocalGovernmentOmbudsman,
    ScottishOmbudsman,
    WelshOmbudsman,
    NorthernIrelandOmbudsman,
    AnMp,
    Regulator,
    Other,
}

/// <summary>Which of a case's clocks needs attention, for the queue.</summary>
public enum ClockStatus
{
    None,
    OnTrack,
    DueSoon,
    Overdue,
}

/// <summary>
/// A complaint and everything done with it. Every action checks the stage machine and the case's rules (the comment
/// window, the review window, the checks), writes its entry in the timeline, and moves the charter clocks.
/// </summary>
public sealed class Complaint : IVersioned
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private readonly List<CaseEvent> _events = [];
    private readonly List<CheckDecision> _checks = [];
    private readonly List<CaseDocument> _documents = [];
    private readonly List<CharterClock> _clocks = [];
    private readonly List<ReviewRequest> _reviews = [];
    private readonly List<ComplainantAccess> _links = [];
    private readonly List<LocalAnswer> _localAnswers = [];

    private Complaint()
    {
    }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public CaseStage Stage { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateOnly ReceivedOn { get; private set; }

    public PersonComplaining Person { get; private set; } = new();
    public Representative? Representative { get; private set; }
    public Adjustments Adjustments { get; private set; } = new();

    public Guid? OrganisationId { get; private set; }
    public string BodyName { get; private set; } = "";
    public Sector? Sector { get; private set; }

    public string WhatHappened { get; private set; } = "";
    public DateOnly AwareOn { get; private set; }
    public string Impact { get; private set; } = "";
    public string OutcomeWanted { get; private set; } = "";
    public BodyProcedure BodyProcedure { get; private set; }
    public DateOnly? ComplainedToBodyOn { get; private set; }
    public DateOnly? BodyAcknowledgedOn { get; private set; }
    public DateOnly? BodyFinalResponseOn { get; private set; }
    public MpReferral? Mp { get; private set; }
    public LegalRemedy LegalRemedy { get; private set; }

    public Guid? AssignedToId { get; private set; }
    public string? AssignedToName { get; private set; }
    public Priority Priority { get; private set; }
    public PriorityReasons PriorityReasons { get; private set; }
    public string? PriorityNote { get; private set; }

    public string? ProvisionalViewMarkdown { get; private set; }
    public DateOnly? ProvisionalViewSharedOn { get; private set; }
    public DateOnly? CommentsDueOn { get; private set; }
    public string? ComplainantComment { get; private set; }
    public DateTimeOffset? ComplainantCommentedAt { get; private set; }
    public string? BodyComment { get; private set; }
    public DateTimeOffset? BodyCommentedAt { get; private set; }

    public ComplaintOutcome? Outcome { get; private set; }
    public string? FindingsMarkdown { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? DeclineReasons { get; private set; }
    public Signpost? Signpost { get; private set; }
    public string? DeclineExplanation { get; private set; }
    public string? WithdrawnReason { get; private set; }
    public CaseStage? StageBeforeReview { get; private set; }

    public ClockStatus ClockStatus { get; private set; }
    public DateOnly? NextClockDueOn { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<CaseEvent> Events => _events;
    public IReadOnlyList<CheckDecision> Checks => _checks;
    public IReadOnlyList<CaseDocument> Documents => _documents;
    public IReadOnlyList<CharterClock> Clocks => _clocks;
    public IReadOnlyList<ReviewRequest> Reviews => _reviews;
    public IReadOnlyList<ComplainantAccess> Links => _links;

    /// <summary>Answers to the questions partner plugins asked on the public form about this organisation.</summary>
    public IReadOnlyList<LocalAnswer> LocalAnswers => _localAnswers;

    public bool IsOpen => CaseStages.IsOpen(Stage);

    public string ComplainantName => Representative?.Name ?? Person.Name;

    public string? ComplainantEmail => Representative is not null ? Representative.Email ?? Person.Email : Person.Email;

    /// <summary>A new complaint, received now, with its acknowledgement clock running.</summary>
    public static Complaint Submit(NewComplaint details, string reference, CaseTime time, CharterClockRules clocks)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(clocks);
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(time.Now),
            Reference = reference,
            Stage = CaseStage.Received,
            ReceivedAt = time.Now,
            ReceivedOn = time.Today,
            Person = details.Person,
            Representative = details.Representative,
            Adjustments = details.Adjustments,
            OrganisationId = details.OrganisationId,
            BodyName = details.BodyName,
            Sector = details.Sector,
            WhatHappened = details.WhatHappened,
            AwareOn = details.AwareOn,
            Impact = details.Impact,
            OutcomeWanted = details.OutcomeWanted,
            BodyProcedure = details.BodyProcedure,
            ComplainedToBodyOn = details.ComplainedToBodyOn,
            BodyAcknowledgedOn = details.BodyAcknowledgedOn,
            BodyFinalResponseOn = details.BodyFinalResponseOn,
            Mp = details.Mp,
            LegalRemedy = details.LegalRemedy,
        };
        foreach (var (answer, position) in (details.LocalAnswers ?? []).Select((a, i) => (a, i)))
        {
            complaint._localAnswers.Add(new LocalAnswer
            {
                ComplaintId = complaint.Id, Position = position, PluginId = answer.PluginId, PluginName = answer.PluginName, Key = answer.Key,
                Question = answer.Question, Type = answer.Type, Answer = answer.Answer,
                Choices = answer.Choices is { Count: > 0 } choices ? string.Join('\n', choices) : null,
            });
        }

        complaint.Record(CaseEventKind.Submitted, details.Representative is null ? Actor.Complainant : new Actor(null, details.Representative.Name), time,
            $"Complaint received about {details.BodyName}", null, Visibility.Complainant);
        complaint.StartClock(ClockKind.Acknowledgement, time.Today, clocks);
        return complaint;
    }

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
            throw RequestValidationException.For("Reason", engine.Outcome == CheckOutcome.NeedsJudgement
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
            throw RequestValidationException.For("Route", "Choose early resolution, mediation or investigation");
        }

        MoveTo(route, actor, time, $"{CaseStages.Describe(route)} started", reason);
    }

    public void ResolveWithoutInvestigation(string summary, Actor actor, CaseTime time)
    {
        if (Stage is not (CaseStage.EarlyResolution or CaseStage.Mediation))
        {
            throw new RuleViolationException("Only a case in early resolution or mediation can be resolved without an investigation.");
        }

        RequireText(summary, "Summary", "Say how the complaint was resolved");
        Decide(ComplaintOutcome.ResolvedWithoutInvestigation, summary, actor, time);
    }

    /// <summary>Shares the provisional view with both parties; the final decision is locked until the comments are
    /// in or the window has closed. Sharing it is an update to the person, so it meets the running update clock.</summary>
    public void ShareProvisionalView(string markdown, DateOnly commentsDueOn, Actor actor, CaseTime time, CharterClockRules clocks)
    {
        ArgumentNullException.ThrowIfNull(time);
        RequireText(markdown, "ProvisionalView", "Write the provisional view");
        if (commentsDueOn <= time.Today)
        {
            throw RequestValidationException.For("CommentsDueOn", "The date for comments must be in the future");
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
        RequireText(comment, "Comment", "Enter your comments on the provisional view");
        ComplainantComment = comment.Trim();
        ComplainantCommentedAt = time.Now;
        Record(CaseEventKind.ComplainantComment, Actor.Complainant, time, "Comments on the provisional view received from the complainant", ComplainantComment, Visibility.Complainant);
    }

    public void CommentAsBody(string comment, Actor actor, CaseTime time)
    {
        RequireCommentWindow(time, BodyCommentedAt, $"{Possessive.Of(BodyName)} comments on the provisional view are already recorded.");
        RequireText(comment, "Comment", "Enter the organisation's comments on the provisional view");
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
            throw RequestValidationException.For("Outcome", "Choose upheld, partly upheld or not upheld");
        }

        if (!CaseStages.CanMove(Stage, CaseStage.Decided) || Stage != CaseStage.ProvisionalView)
        {
            throw new RuleViolationException(Stage == CaseStage.ProvisionalView ? CaseStages.Refusal(Stage, CaseStage.Decided) : $"A final decision follows a provisional view. This case is at {CaseStages.Describe(Stage).ToLowerInvariant()}.");
        }

        if (DecisionLock(time.Today) is { } lockMessage)
        {
            throw new RuleViolationException(lockMessage);
        }

        RequireText(findingsMarkdown, "Findings", "Write the findings");
        Decide(outcome, findingsMarkdown, actor, time);
    }

    public void Close(Actor actor, CaseTime time) => MoveTo(CaseStage.Closed, actor, time, "Case closed", null, Visibility.Complainant);

    public void Decline(IReadOnlyCollection<DeclineReason> reasons, Signpost signpost, string explanation, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(time);
        if (reasons.Count == 0)
        {
            throw RequestValidationException.For("Reasons", "Select at least one reason for declining");
        }

        RequireText(explanation, "Explanation", "Explain the decision to the person in your own words");
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
            throw RequestValidationException.For("Grounds", "Select at least one reason for asking for a review");
        }

        RequireText(explanation, "Explanation", "Explain why you think the decision should be reviewed");
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
        RequireText(reason, "Reason", "Explain the outcome of the review");
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

    public void AssignTo(Guid? personId, string? name, Actor actor, CaseTime time)
    {
        AssignedToId = personId;
        AssignedToName = personId is null ? null : name;
        Record(CaseEventKind.Assigned, actor, time, personId is null ? "Unassigned" : $"Assigned to {name}", null, Visibility.Internal);
    }

    public void SetPriority(Priority priority, PriorityReasons reasons, string? note, Actor actor, CaseTime time)
    {
        if (priority == Priority.High && reasons == PriorityReasons.None)
        {
            throw RequestValidationException.For("Reasons", "Select why this case has high priority");
        }

        Priority = priority;
        PriorityReasons = priority == Priority.High ? reasons : PriorityReasons.None;
        PriorityNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Record(CaseEventKind.PriorityChanged, actor, time,
            priority == Priority.High ? $"High priority: {string.Join(", ", reasons.Each().Select(r => r.Describe().ToLowerInvariant()))}" : "Normal priority", PriorityNote, Visibility.Internal);
    }

    public void AddNote(string text, Actor actor, CaseTime time)
    {
        RequireText(text, "Text", "Enter the note");
        Record(CaseEventKind.Note, actor, time, "Note", text.Trim(), Visibility.Internal);
    }

    /// <summary>A message to the person. It meets the running acknowledgement and update clocks, and starts the next update clock.</summary>
    public void SendMessage(string text, Actor actor, CaseTime time, CharterClockRules clocks)
    {
        ArgumentNullException.ThrowIfNull(time);
        RequireText(text, "Text", "Enter the message");
        var acknowledging = _clocks.Any(c => c.Kind == ClockKind.Acknowledgement && c.IsRunning);
        Record(acknowledging ? CaseEventKind.Acknowledged : CaseEventKind.MessageToComplainant, actor, time,
            acknowledging ? "Complaint acknowledged" : "Message sent to the complainant", text.Trim(), Visibility.Complainant);
        Contacted(time, clocks);
    }

    public void ReceiveMessage(string text, CaseTime time)
    {
        RequireText(text, "Text", "Enter your message");
        Record(CaseEventKind.MessageFromComplainant, Actor.Complainant, time, "Message from the complainant", text.Trim(), Visibility.Complainant);
    }

    public void AddDocument(CaseDocument document, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.ComplaintId = Id;
        _documents.Add(document);
        Record(CaseEventKind.DocumentAdded, actor, time, $"Document added: {document.FileName}", null,
            document.FromComplainant ? Visibility.Complainant : Visibility.Internal, document.Id);
    }

    public void LinkBody(Guid organisationId, string name, Sector sector, Actor actor, CaseTime time)
    {
        var before = BodyName;
        OrganisationId = organisationId;
        BodyName = name;
        Sector = sector;
        Record(CaseEventKind.BodyLinked, actor, time, $"Body linked to the register: {name}", before == name ? null : $"Given as \"{before}\"", Visibility.Internal);
    }

    /// <summary>Corrects the facts the checks depend on; the engine's view changes with them.</summary>
    public void ChangeFacts(CaseFacts facts, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!IsOpen)
        {
            throw new RuleViolationException("The facts of a case can be corrected only while it is open.");
        }

        var changes = new List<string>();
        void Note(string what, object? from, object? to)
        {
            if (!Equals(from, to))
            {
                changes.Add($"{what}: {Show(from)} to {Show(to)}");
            }
        }

        Note("became aware", AwareOn, facts.AwareOn);
        Note("body's procedure", BodyProcedure, facts.BodyProcedure);
        Note("complained to the body", ComplainedToBodyOn, facts.ComplainedToBodyOn);
        Note("body's acknowledgement", BodyAcknowledgedOn, facts.BodyAcknowledgedOn);
        Note("body's final response", BodyFinalResponseOn, facts.BodyFinalResponseOn);
        Note("MP referral", Mp is null ? null : $"{Mp.MpName} ({Mp.Constituency}) on {Day(Mp.ReferredOn)}", facts.Mp is null ? null : $"{facts.Mp.MpName} ({facts.Mp.Constituency}) on {Day(facts.Mp.ReferredOn)}");
        Note("legal remedy", LegalRemedy, facts.LegalRemedy);
        var answers = _localAnswers.Where(a => facts.LocalAnswers?.ContainsKey(a.Position) == true && a.Answer != facts.LocalAnswers[a.Position]).ToList();
        foreach (var answer in answers)
        {
            changes.Add($"answer to \u201c{answer.Question}\u201d: {answer.Describe(answer.Answer)} to {answer.Describe(facts.LocalAnswers![answer.Position])}");
        }

        if (changes.Count == 0)
        {
            return;
        }

        foreach (var answer in answers)
        {
            answer.Answer = facts.LocalAnswers![answer.Position];
        }

        AwareOn = facts.AwareOn;
        BodyProcedure = facts.BodyProcedure;
        ComplainedToBodyOn = facts.ComplainedToBodyOn;
        BodyAcknowledgedOn = facts.BodyAcknowledgedOn;
        BodyFinalResponseOn = facts.BodyFinalResponseOn;
        Mp = facts.Mp;
        LegalRemedy = facts.LegalRemedy;
        Record(CaseEventKind.FactsChanged, actor, time, "Facts corrected", string.Join("; ", changes), Visibility.Internal);
    }

    public EligibilityFacts EligibilityFacts(bool bodyInRemit) => new(
        ReceivedOn, AwareOn, BodyName, OrganisationId is not null, bodyInRemit, Sector, Impact, Representative, BodyProcedure,
        ComplainedToBodyOn, BodyFinalResponseOn, Mp, LegalRemedy);

    /// <summary>Adds a private link for the complainant (only the token's hash is kept) and revokes any earlier one.</summary>
    public void IssueLink(string tokenHash, DateTimeOffset expiresAt, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        foreach (var link in _links.Where(l => l.RevokedAt is null))
        {
            link.RevokedAt = time.Now;
        }

        _links.Add(new ComplainantAccess { Id = Guid.CreateVersion7(time.Now), ComplaintId = Id, TokenHash = tokenHash, IssuedAt = time.Now, ExpiresAt = expiresAt });
        if (_links.Count > 1)
        {
            Record(CaseEventKind.LinkIssued, actor, time, "A new private link was sent to the complainant; the earlier one no longer works", null, Visibility.Internal);
        }
    }

    public void RevokeLinks(string reason, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var active = _links.Where(l => l.RevokedAt is null).ToList();
        if (active.Count == 0)
        {
            throw new RuleViolationException("The complainant has no working link to revoke.");
        }

        active.ForEach(l => l.RevokedAt = time.Now);
        Record(CaseEventKind.LinkIssued, actor, time, "The complainant's private link was revoked", reason.Trim(), Visibility.Internal);
    }

    /// <summary>Brings each running clock's state up to date; returns the clocks whose state changed, for notifications.</summary>
    public IReadOnlyList<CharterClock> RefreshClocks(CharterClockRules rules, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(time);
        var changed = new List<CharterClock>();
        foreach (var clock in _clocks.Where(c => c.IsRunning))
        {
            var state = rules.StateOn(clock, time.Today, Person.Nation);
            if (state != clock.State)
            {
                clock.State = state;
                changed.Add(clock);
                if (state is ClockState.DueSoon or ClockState.Overdue)
                {
                    Record(state == ClockState.Overdue ? CaseEventKind.ClockOverdue : CaseEventKind.ClockDue, new Actor(null, "Charter clock"), time,
                        $"{clock.Kind.Describe()} {(state == ClockState.Overdue ? "overdue since" : "due on")} {Day(clock.DueOn)}", null, Visibility.Internal);
                }
            }
        }

        RefreshClockStatus();
        return changed;
    }

    /// <summary>The person heard from us: the running clocks are met (or met late) and the next update clock starts.</summary>
    private void Contacted(CaseTime time, CharterClockRules clocks)
    {
        foreach (var clock in _clocks.Where(c => c.IsRunning))
        {
            clock.CompletedOn = time.Today;
            clock.State = time.Today <= clock.DueOn ? ClockState.Met : ClockState.MetLate;
        }

        if (IsOpen)
        {
            StartClock(ClockKind.Update, time.Today, clocks);
        }

        RefreshClockStatus();
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

    private void StartClock(ClockKind kind, DateOnly from, CharterClockRules rules)
    {
        foreach (var running in _clocks.Where(c => c.Kind == kind && c.IsRunning))
        {
            running.State = ClockState.Stopped;
            running.CompletedOn = from;
        }

        _clocks.Add(new CharterClock
        {
            Id = Guid.CreateVersion7(), ComplaintId = Id, Kind = kind, StartedOn = from, DueOn = rules.DueOn(kind, from, Person.Nation), State = ClockState.Running,
        });
        RefreshClockStatus();
    }

    private void RefreshClockStatus()
    {
        var running = _clocks.Where(c => c.IsRunning).ToList();
        ClockStatus = running.Count == 0 ? ClockStatus.None
            : running.Any(c => c.State == ClockState.Overdue) ? ClockStatus.Overdue
            : running.Any(c => c.State == ClockState.DueSoon) ? ClockStatus.DueSoon
            : ClockStatus.OnTrack;
        NextClockDueOn = running.Count == 0 ? null : running.Min(c => c.DueOn);
    }

    private void Record(CaseEventKind kind, Actor actor, CaseTime time, string summary, string? detail, Visibility visibility, Guid? documentId = null) =>
        _events.Add(new CaseEvent
        {
            Id = Guid.CreateVersion7(time.Now), ComplaintId = Id, At = time.Now, Kind = kind, ActorName = actor.Name, Summary = summary, Detail = detail,
            Visibility = visibility, DocumentId = documentId,
        });

    private void RequireStage(CaseStage stage, string message)
    {
        if (Stage != stage)
        {
            throw new RuleViolationException($"{message} This case is at {CaseStages.Describe(Stage).ToLowerInvariant()}.");
        }
    }

    /// <summary>Whether a provisional view is open for comments today.</summary>
    public bool CommentWindowOpen(DateOnly today) => Stage == CaseStage.ProvisionalView && today <= CommentsDueOn;

    private void RequireCommentWindow(CaseTime time, DateTimeOffset? alreadyCommented, string alreadyMessage)
    {
        if (Stage != CaseStage.ProvisionalView)
        {
            throw new RuleViolationException("There is no provisional view open for comments.");
        }

        if (time.Today > CommentsDueOn)
        {
            throw new RuleViolationException($"The time for comments on the provisional view ended on {Day(CommentsDueOn!.Value)}.");
        }

        if (alreadyCommented is not null)
        {
            throw new RuleViolationException(alreadyMessage);
        }
    }

    private static void RequireText(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw RequestValidationException.For(field, message);
        }
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", English);

    private static string Show(object? value) => value switch
    {
        null => "none",
        DateOnly date => Day(date),
        _ => value.ToString() ?? "none",
    };
}

/// <summary>What a new complaint says, already validated.</summary>
public sealed record NewComplaint(
    PersonComplaining Person, Representative? Representative, Adjustments Adjustments, Guid? OrganisationId, string BodyName, Sector? Sector,
    string WhatHappened, DateOnly AwareOn, string Impact, string OutcomeWanted, BodyProcedure BodyProcedure, DateOnly? ComplainedToBodyOn,
    DateOnly? BodyFinalResponseOn, MpReferral? Mp, LegalRemedy LegalRemedy, DateOnly? BodyAcknowledgedOn = null, IReadOnlyList<NewLocalAnswer>? LocalAnswers = null);

/// <summary>The answer to one question a partner plugin asked, with the question's words as the complainant saw them
/// (the plugin may change or go; the case keeps what was asked). Dates are written yyyy-MM-dd.</summary>
public sealed record NewLocalAnswer(string PluginId, string PluginName, string Key, string Question, IntakeAnswerType Type, string? Answer, IReadOnlyList<string>? Choices = null);

/// <summary>The facts a caseworker can correct.</summary>
public sealed record CaseFacts(
    DateOnly AwareOn, BodyProcedure BodyProcedure, DateOnly? ComplainedToBodyOn, DateOnly? BodyAcknowledgedOn, DateOnly? BodyFinalResponseOn, MpReferral? Mp, LegalRemedy LegalRemedy,
    IReadOnlyDictionary<int, string?>? LocalAnswers = null);
