using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Complaints.Domain;

/// <summary>How a representative may act for the person the complaint is about.</summary>
public enum RepresentativeCapacity
{
    /// <summary>The person has given consent.</summary>
    WithConsent,

    /// <summary>The person has died; the representative is next of kin or their personal representative.</summary>
    PersonHasDied,

    /// <summary>The person cannot give consent (for example they lack capacity); the representative acts in their best interests.</summary>
    PersonCannotConsent,
}

/// <summary>Where the complainant is with the body's own complaints procedure.</summary>
public enum BodyProcedure
{
    /// <summary>They complained and the body sent its final response.</summary>
    Finished,

    /// <summary>They complained but the body has not finished.</summary>
    NotFinished,

    /// <summary>They have not complained to the body.</summary>
    NotStarted,
}

public enum LegalRemedy
{
    No,
    Yes,
    NotSure,
}

public enum ContactChannel
{
    Email,
    Phone,
    Letter,
}

/// <summary>Formats and support a person may need (reasonable adjustments under the Equality Act 2010).</summary>
[Flags]
public enum SupportNeeds
{
    None = 0,
    LargePrint = 1,
    EasyRead = 2,
    Braille = 4,
    Audio = 8,
    BritishSignLanguage = 16,
    TextRelay = 32,
    Interpreter = 64,
}

public enum Priority
{
    Normal,
    High,
}

[Flags]
public enum PriorityReasons
{
    None = 0,
    TerminalIllness = 1,
    RiskToLife = 2,
    DeathOfAChild = 4,
    FinancialHardship = 8,
    OurEarlierDelay = 16,
}

/// <summary>The grounds on which a decision can be reviewed.</summary>
[Flags]
public enum ReviewGrounds
{
    None = 0,

    /// <summary>The decision rested on facts that were inaccurate and could change it.</summary>
    InaccurateFacts = 1,

    /// <summary>New and relevant information that was not available before.</summary>
    NewInformation = 2,

    /// <summary>Part of the complaint was overlooked or misunderstood.</summary>
    OverlookedOrMisunderstood = 4,
}

public enum ReviewOutcome
{
    /// <summary>The decision stands.</summary>
    DecisionStands,

    /// <summary>The decision will be looked at again.</summary>
    Reconsider,
}

/// <summary>The person the complaint is about (or who makes it for themselves).</summary>
public sealed class PersonComplaining
{
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }

    /// <summary>The nation they live in: charter clocks count working days on its calendar.</summary>
    public Nation Nation { get; set; }
}

/// <summary>Someone complaining for another person.</summary>
public sealed class Representative
{
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string Relationship { get; set; } = "";
    public RepresentativeCapacity Capacity { get; set; }
}

/// <summary>How to work with the person: the reasonable adjustments they asked for, and how to contact them.</summary>
public sealed class Adjustments
{
    public SupportNeeds Needs { get; set; }
    public string? ContactPersonName { get; set; }
    public string? ContactPersonRelationship { get; set; }
    public bool ExtraTime { get; set; }
    public string? OtherNeeds { get; set; }
    public ContactChannel PreferredChannel { get; set; }
    public string? BestTimes { get; set; }

    public bool Any => Needs != SupportNeeds.None || ContactPersonName is not null || ExtraTime || OtherNeeds is not null;
}

/// <summary>The MP who referred a complaint about a parliamentary body.</summary>
public sealed class MpReferral
{
    public string MpName { get; set; } = "";
    public string Constituency { get; set; } = "";
    public DateOnly ReferredOn { get; set; }
}

/// <summary>The answer to a question a partner plugin asked on the public form, kept with the question as asked.</summary>
public sealed class LocalAnswer
{
    public Guid ComplaintId { get; set; }
    public int Position { get; set; }
    public string PluginId { get; set; } = "";
    public string PluginName { get; set; } = "";
    public string Key { get; set; } = "";
    public string Question { get; set; } = "";
    public IntakeAnswerType Type { get; set; }

    /// <summary>"yes"/"no", the choice, the text, or the date as yyyy-MM-dd; null when not answered.</summary>
    public string? Answer { get; set; }

    /// <summary>The options a choice question offered, one per line, so a caseworker can correct the answer.</summary>
    public string? Choices { get; set; }

    public DateOnly? AnswerDate => DateOf(Answer);

    /// <summary>An answer as people read it: "Not answered", "Yes", "16 September 2026" or the text.</summary>
    public string Describe(string? answer) => answer is null ? "Not answered"
        : DateOf(answer) is { } date ? date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
        : Type == IntakeAnswerType.YesNo ? (answer == "yes" ? "Yes" : "No")
        : answer;

    private DateOnly? DateOf(string? answer) =>
        Type == IntakeAnswerType.Date && DateOnly.TryParseExact(answer, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>A caseworker's decision on one eligibility check, next to what the engine said at the time.</summary>
public sealed class CheckDecision
{
    public Guid ComplaintId { get; set; }
    public EligibilityCheck Check { get; set; }
    public bool Met { get; set; }
    public string? Reason { get; set; }
    public CheckOutcome EngineOutcome { get; set; }
    public Guid? DecidedById { get; set; }
    public string DecidedByName { get; set; } = "";
    public DateTimeOffset DecidedAt { get; set; }
}

public enum CaseEventKind
{
    Submitted,
    StageChanged,
    Acknowledged,
    MessageToComplainant,
    MessageFromComplainant,
    Note,
    DocumentAdded,
    Assigned,
    PriorityChanged,
    CheckDecided,
    FactsChanged,
    BodyLinked,
    ProvisionalViewShared,
    ComplainantComment,
    BodyComment,
    Decision,
    ReviewRequested,
    ReviewDecided,
    ClockDue,
    ClockOverdue,
    LinkIssued,
}

/// <summary>Who may see a timeline entry besides caseworkers.</summary>
public enum Visibility
{
    Internal,
    Complainant,
}

/// <summary>One entry in a case's timeline: every action, message, document and clock.</summary>
public sealed class CaseEvent
{
    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    public DateTimeOffset At { get; set; }
    public CaseEventKind Kind { get; set; }
    public string ActorName { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? Detail { get; set; }
    public Visibility Visibility { get; set; }
    public Guid? DocumentId { get; set; }
}

/// <summary>A file on a case: evidence from the complainant or a document a caseworker added. The bytes are stored
/// outside the web root under their SHA-256; they are only ever served as downloads.</summary>
public sealed class CaseDocument
{
    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    public string AddedBy { get; set; } = "";
    public bool FromComplainant { get; set; }
}

public enum ClockKind
{
    /// <summary>Acknowledge the complaint within N working days of receipt.</summary>
    Acknowledgement,

    /// <summary>Update the complainant at least every N working days while the case is open.</summary>
    Update,
}

public enum ClockState
{
    Running,
    DueSoon,
    Overdue,
    Met,
    MetLate,
    Stopped,
}

/// <summary>A service charter commitment measured on a case: started, due on a working day, met (on time or late) or stopped.</summary>
public sealed class CharterClock
{
    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    public ClockKind Kind { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public ClockState State { get; set; }
    public DateOnly? CompletedOn { get; set; }

    /// <summary>The last state the assigned caseworker was told about, so nobody is told twice.</summary>
    public ClockState? NotifiedState { get; set; }

    public bool IsRunning => State is ClockState.Running or ClockState.DueSoon or ClockState.Overdue;
}

/// <summary>A request by the complainant to review a decision, and its outcome.</summary>
public sealed class ReviewRequest
{
    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public ReviewGrounds Grounds { get; set; }
    public string Explanation { get; set; } = "";
    public ReviewOutcome? Outcome { get; set; }
    public string? OutcomeReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
}

/// <summary>A private link for the complainant: only the SHA-256 of its token is kept.</summary>
public sealed class ComplainantAccess
{
    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Words for people.</summary>
public static class PartsText
{
    public static string Describe(this SupportNeeds need) => need switch
    {
        SupportNeeds.LargePrint => "Large print",
        SupportNeeds.EasyRead => "Easy read",
        SupportNeeds.Braille => "Braille",
        SupportNeeds.Audio => "Audio",
        SupportNeeds.BritishSignLanguage => "British Sign Language interpreter",
        SupportNeeds.TextRelay => "Text relay for phone calls",
        SupportNeeds.Interpreter => "Spoken language interpreter",
        _ => need.ToString(),
    };

    public static IEnumerable<SupportNeeds> Each(this SupportNeeds needs) =>
        Enum.GetValues<SupportNeeds>().Where(n => n != SupportNeeds.None && needs.HasFlag(n));

    public static string Describe(this PriorityReasons reason) => reason switch
    {
        PriorityReasons.TerminalIllness => "Terminal illness",
        PriorityReasons.RiskToLife => "Risk to life",
        PriorityReasons.DeathOfAChild => "Possibly avoidable death of a child",
        PriorityReasons.FinancialHardship => "Financial hardship",
        PriorityReasons.OurEarlierDelay => "Earlier delay on our side",
        _ => reason.ToString(),
    };

    public static IEnumerable<PriorityReasons> Each(this PriorityReasons reasons) =>
        Enum.GetValues<PriorityReasons>().Where(r => r != PriorityReasons.None && reasons.HasFlag(r));

    public static string Describe(this ReviewGrounds ground) => ground switch
    {
        ReviewGrounds.InaccurateFacts => "The decision was based on facts that were wrong, and this could change it",
        ReviewGrounds.NewInformation => "There is new and relevant information that was not available before",
        ReviewGrounds.OverlookedOrMisunderstood => "Part of the complaint was overlooked or misunderstood",
        _ => ground.ToString(),
    };

    public static IEnumerable<ReviewGrounds> Each(this ReviewGrounds grounds) =>
        Enum.GetValues<ReviewGrounds>().Where(g => g != ReviewGrounds.None && grounds.HasFlag(g));

    public static string Describe(this RepresentativeCapacity capacity) => capacity switch
    {
        RepresentativeCapacity.WithConsent => "With the person's consent",
        RepresentativeCapacity.PersonHasDied => "The person has died (next of kin or personal representative)",
        RepresentativeCapacity.PersonCannotConsent => "The person cannot give consent",
        _ => capacity.ToString(),
    };

    public static string Describe(this ContactChannel channel) => channel switch
    {
        ContactChannel.Email => "Email",
        ContactChannel.Phone => "Phone",
        ContactChannel.Letter => "Letter",
        _ => channel.ToString(),
    };

    public static string Describe(this ClockKind kind) => kind == ClockKind.Acknowledgement ? "Acknowledgement" : "Update";

    public static string Describe(this ClockState state) => state switch
    {
        ClockState.Running => "On track",
        ClockState.DueSoon => "Due soon",
        ClockState.Overdue => "Overdue",
        ClockState.Met => "Met",
        ClockState.MetLate => "Met late",
        ClockState.Stopped => "Stopped",
        _ => state.ToString(),
    };
}
