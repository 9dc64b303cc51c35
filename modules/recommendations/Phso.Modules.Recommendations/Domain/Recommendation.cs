using Phso.Modules.Recommendations.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Domain;

/// <summary>Who did something: a person's id (null for the system) and the name the history shows.</summary>
public sealed record Actor(Guid? Id, string Name);

/// <summary>What the ombudsman asks a body to do on one decided case, and its follow-up until evidence shows it was
/// done. Every move goes through <see cref="Move"/>, which checks the table in <see cref="RecommendationMoves"/> and
/// writes a step into the history.</summary>
internal sealed class Recommendation : IVersioned
{
    public const int MaxTextLength = 2000;
    public const int MaxEvidenceExpectedLength = 1000;
    public const int MaxNoteLength = 2000;
    public const decimal MaxAmount = 1_000_000m;
    public const int MaxTrainees = 200;

    private readonly List<RecommendationStep> _steps = [];
    private readonly List<EvidenceFile> _files = [];

    private Recommendation()
    {
    }

    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string CaseReference { get; private set; } = "";
    public Guid OrganisationId { get; private set; }
    public string BodyName { get; private set; } = "";
    public Sector Sector { get; private set; }
    public DateOnly DecisionDate { get; private set; }
    public RecommendationKind Kind { get; private set; }
    public RecommendationCategory Category { get; private set; }
    public decimal? Amount { get; private set; }
    public string Text { get; private set; } = "";
    public string EvidenceExpected { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public RecommendationStatus Status { get; private set; }
    public Guid CaseworkerId { get; private set; }
    public string CaseworkerName { get; private set; } = "";
    public DateTimeOffset DraftedAt { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>The UK day the latest evidence arrived: whether compliance was on time is judged by it.</summary>
    public DateOnly? EvidenceLastSentOn { get; private set; }

    public DateOnly? FinishedOn { get; private set; }

    /// <summary>What the body said when it did not accept; what was agreed instead.</summary>
    public string? RefusalReason { get; private set; }
    public string? AlternativeAgreed { get; private set; }

    /// <summary>The body's nation, whose calendar counts its working days (due dates, reminders, escalation).</summary>
    public Nation Nation { get; private set; }

    /// <summary>The day the follow-up job escalated it to senior managers.</summary>
    public DateOnly? EscalatedOn { get; private set; }

    /// <summary>Senior managers' decision on an escalated recommendation: report the body publicly (the last resort,
    /// as a special report to Parliament), or not; null while undecided.</summary>
    public bool? ReportPublicly { get; private set; }
    public string? PublicReportReason { get; private set; }
    public DateOnly? PublicReportDecidedOn { get; private set; }
    /// <summary>For a staff training recommendation: the course the body's handlers named must take, and the
    /// training module's assignment made when it was issued.</summary>
    public Guid? TrainingCourseId { get; private set; }
    public string? TrainingCourseTitle { get; private set; }
    public IReadOnlyList<Guid> TraineeIds { get; private set; } = [];
    public Guid? TrainingAssignmentId { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<RecommendationStep> Steps => _steps;
    public IReadOnlyList<EvidenceFile> Files => _files;

    /// <summary>The latest evidence came after the due date: accepting it records "complied late".</summary>
    public bool EvidenceIsLate => EvidenceLastSentOn is { } sent && sent > DueOn;

    public bool IsOverdueOn(DateOnly today) => RecommendationMoves.IsOverdue(Status, DueOn, today);

    /// <summary>A caseworker's draft for a decided case's body.</summary>
    public static Recommendation Draft(
        DecidedCaseFacts facts, RecommendationKind kind, RecommendationCategory category, decimal? amount, string text, string evidenceExpected,
        DateOnly dueOn, Actor caseworker, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(caseworker);
        if (category == RecommendationCategory.FinancialRemedy != amount.HasValue)
        {
            throw new RuleViolationException(amount.HasValue ? "Only a financial remedy has an amount." : "A financial remedy needs the amount to be paid.");
        }

        if (dueOn <= facts.DecisionDate)
        {
            throw new RuleViolationException("A recommendation must be due after the decision it comes from.");
        }

        return new Recommendation
        {
            Id = Guid.CreateVersion7(at), ComplaintId = facts.ComplaintId, CaseReference = facts.Reference, OrganisationId = facts.OrganisationId,
            BodyName = facts.BodyName, Sector = facts.Sector, Nation = facts.Nation, DecisionDate = facts.DecisionDate, Kind = kind, Category = category, Amount = amount,
            Text = text, EvidenceExpected = evidenceExpected, DueOn = dueOn, Status = RecommendationStatus.Draft,
            CaseworkerId = caseworker.Id ?? Guid.Empty, CaseworkerName = caseworker.Name, DraftedAt = at,
        };
    }

    /// <summary>Names the course and the handlers who must take it, on a draft that asks the body to train staff.</summary>
    public void NameTraining(Guid courseId, string courseTitle, IReadOnlyList<Guid> traineeIds)
    {
        ArgumentNullException.ThrowIfNull(traineeIds);
        if (Category != RecommendationCategory.StaffTrained || Status != RecommendationStatus.Draft)
        {
            throw new RuleViolationException("Only a draft that asks the body to train staff can name a course.");
        }

        TrainingCourseId = courseId;
        TrainingCourseTitle = courseTitle;
        TraineeIds = [.. traineeIds.Distinct()];
    }

    /// <summary>The training module has assigned the course (when the recommendation was issued).</summary>
    public void TrainingAssigned(Guid assignmentId) => TrainingAssignmentId = assignmentId;

    public void Issue(Actor by, DateTimeOffset at)
    {
        Move(RecommendationMove.Issue, RecommendationStatus.Issued, by, at, null);
        IssuedAt = at;
    }

    public void Accept(Actor by, DateTimeOffset at, string? note) => Move(RecommendationMove.Accept, RecommendationStatus.Accepted, by, at, note);

    public void Refuse(Actor by, DateTimeOffset at, string reason)
    {
        Move(RecommendationMove.Refuse, RecommendationStatus.NotAccepted, by, at, Required(reason, "Say why the recommendation is not accepted."));
        RefusalReason = reason;
    }

    public void AgreeAlternative(Actor by, DateTimeOffset at, string alternative, DateOnly dueOn)
    {
        if (dueOn < DecisionDate)
        {
            throw new RuleViolationException("The alternative must be due after the decision.");
        }

        Move(RecommendationMove.AgreeAlternative, RecommendationStatus.AlternativeAgreed, by, at, Required(alternative, "Say what the body will do instead."));
        AlternativeAgreed = alternative;
        DueOn = dueOn;
    }

    public void SendEvidence(Actor by, DateTimeOffset at, DateOnly today, string note, IEnumerable<EvidenceFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var step = Move(RecommendationMove.SendEvidence, RecommendationStatus.EvidenceSent, by, at, Required(note, "Describe the evidence."));
        foreach (var file in files)
        {
            _files.Add(file.For(Id, step.Id));
        }

        EvidenceLastSentOn = today;
    }

    public void AskForMoreEvidence(Actor by, DateTimeOffset at, string reason) =>
        Move(RecommendationMove.AskForMoreEvidence, RecommendationStatus.MoreEvidenceAsked, by, at, Required(reason, "Say what more evidence is needed."));

    /// <summary>The caseworker is satisfied: complied, or complied late when the evidence came after the due date.</summary>
    public void AcceptEvidence(Actor by, DateTimeOffset at, DateOnly today, string? note)
    {
        Move(RecommendationMove.AcceptEvidence, EvidenceIsLate ? RecommendationStatus.CompliedLate : RecommendationStatus.Complied, by, at, note);
        FinishedOn = today;
    }

    public void RecordNotComplied(Actor by, DateTimeOffset at, DateOnly today, string reason)
    {
        Move(RecommendationMove.RecordNotComplied, RecommendationStatus.NotComplied, by, at, Required(reason, "Say why the body has not complied."));
        FinishedOn = today;
    }

    /// <summary>The overdue sweep: moves it to overdue when the due date has passed; false when it is not due or cannot be.</summary>
    public bool MarkOverdueIfDue(DateOnly today, DateTimeOffset at)
    {
        if (today <= DueOn || !RecommendationMoves.Allows(RecommendationMove.MarkOverdue, Status))
        {
            return false;
        }

        Move(RecommendationMove.MarkOverdue, RecommendationStatus.Overdue, new Actor(null, "System (overdue check)"), at, $"Due on {DueOn:d MMMM yyyy}.");
        return true;
    }

    /// <summary>The follow-up job: overdue long enough for senior managers (once; the status stays overdue).</summary>
    public void Escalate(DateOnly today, DateTimeOffset at, string why)
    {
        if (EscalatedOn is not null)
        {
            throw new RuleViolationException("This recommendation has already been escalated, so it cannot be escalated again.");
        }

        Move(RecommendationMove.Escalate, RecommendationStatus.Overdue, new Actor(null, "System (follow-up)"), at, why);
        EscalatedOn = today;
    }

    /// <summary>A senior manager's decision whether to report the body publicly; it may be made again (say, once a
    /// report is drafted), each decision a step of the history.</summary>
    public void DecidePublicReport(Actor by, DateTimeOffset at, DateOnly today, bool reportPublicly, string reason)
    {
        if (EscalatedOn is null)
        {
            throw new RuleViolationException("A recommendation that has not been escalated cannot have a decision on a public report recorded.");
        }

        var said = Required(reason, "Say why the body will or will not be reported publicly.");
        Move(RecommendationMove.DecidePublicReport, RecommendationStatus.Overdue, by, at, (reportPublicly ? "Report the body publicly: " : "Do not report the body publicly: ") + said.Trim());
        ReportPublicly = reportPublicly;
        PublicReportReason = said.Trim();
        PublicReportDecidedOn = today;
    }

    public void Withdraw(Actor by, DateTimeOffset at, DateOnly today, string reason)
    {
        Move(RecommendationMove.Withdraw, RecommendationStatus.Withdrawn, by, at, Required(reason, "Say why the recommendation is withdrawn."));
        FinishedOn = today;
    }

    private RecommendationStep Move(RecommendationMove move, RecommendationStatus to, Actor by, DateTimeOffset at, string? note)
    {
        if (!RecommendationMoves.Allows(move, Status))
        {
            throw new RuleViolationException(RecommendationMoves.Refusal(move, Status));
        }

        var step = new RecommendationStep(Guid.CreateVersion7(at), Id, at, by.Id, by.Name, move, Status, to, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        _steps.Add(step);
        Status = to;
        return step;
    }

    private static string Required(string? text, string refusal) =>
        string.IsNullOrWhiteSpace(text) ? throw new RuleViolationException(refusal) : text;
}

/// <summary>What a recommendation needs to know of its decided case and body.</summary>
public sealed record DecidedCaseFacts(Guid ComplaintId, string Reference, Guid OrganisationId, string BodyName, Sector Sector, DateOnly DecisionDate, Nation Nation);

/// <summary>One step of a recommendation's history: who moved it, from and to which status, and what they said.</summary>
internal sealed class RecommendationStep
{
    private RecommendationStep()
    {
    }

    public RecommendationStep(Guid id, Guid recommendationId, DateTimeOffset at, Guid? actorId, string actorName, RecommendationMove move, RecommendationStatus from, RecommendationStatus to, string? note)
    {
        Id = id;
        RecommendationId = recommendationId;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Move = move;
        From = from;
        To = to;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid RecommendationId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public RecommendationMove Move { get; private set; }
    public RecommendationStatus From { get; private set; }
    public RecommendationStatus To { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>A file the body sent as evidence, kept outside the web root (the file store).</summary>
internal sealed class EvidenceFile
{
    public Guid Id { get; init; }
    public Guid RecommendationId { get; private set; }
    public Guid StepId { get; private set; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";
    public DateTimeOffset AddedAt { get; init; }

    public EvidenceFile For(Guid recommendationId, Guid stepId)
    {
        RecommendationId = recommendationId;
        StepId = stepId;
        return this;
    }
}
