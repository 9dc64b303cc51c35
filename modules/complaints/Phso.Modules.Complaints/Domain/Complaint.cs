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
/// window, the review window, the checks), writes its entry in the timeline, and moves the charter clocks. This file
/// holds its state, its submission and the helpers every step uses; the steps are split by job into Complaint.Stages.cs,
/// Complaint.Casework.cs and Complaint.Clocks.cs.
/// </summary>
public sealed partial class Complaint : IVersioned
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

    private static void RequireText(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleViolationException(message);
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
