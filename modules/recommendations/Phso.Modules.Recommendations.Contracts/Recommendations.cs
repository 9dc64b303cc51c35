using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Recommendations.Contracts;

/// <summary>Whom a recommendation is for.</summary>
public enum RecommendationKind
{
    /// <summary>Put things right for the person who complained.</summary>
    Individual,

    /// <summary>Stop the same thing happening to others.</summary>
    Systemic,
}

/// <summary>What the body is asked to do.</summary>
public enum RecommendationCategory
{
    /// <summary>Apologise.</summary>
    Apology,

    /// <summary>Pay an amount (the amount is part of the recommendation).</summary>
    FinancialRemedy,

    /// <summary>Take the decision again.</summary>
    DecisionRetaken,

    /// <summary>Change a procedure or policy.</summary>
    ProcedureChanged,

    /// <summary>Train staff.</summary>
    StaffTrained,

    /// <summary>Write and carry out an action plan.</summary>
    ActionPlan,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Where a recommendation is, from the caseworker's draft to the end of its follow-up.</summary>
public enum RecommendationStatus
{
    /// <summary>Written by the caseworker, not yet sent to the body.</summary>
    Draft,

    /// <summary>Sent to the body, waiting for it to accept.</summary>
    Issued,

    /// <summary>The body accepted it and is working on it.</summary>
    Accepted,

    /// <summary>The body said it would not do it, and why.</summary>
    NotAccepted,

    /// <summary>After a refusal, the caseworker agreed something else the body will do instead.</summary>
    AlternativeAgreed,

    /// <summary>The body sent evidence; the caseworker is checking it.</summary>
    EvidenceSent,

    /// <summary>The caseworker asked the body for more evidence.</summary>
    MoreEvidenceAsked,

    /// <summary>The due date passed without accepted evidence.</summary>
    Overdue,

    /// <summary>Evidence accepted, sent by the due date.</summary>
    Complied,

    /// <summary>Evidence accepted, sent after the due date.</summary>
    CompliedLate,

    /// <summary>The caseworker recorded that the body did not comply.</summary>
    NotComplied,

    /// <summary>Taken back by the ombudsman (with a reason).</summary>
    Withdrawn,
}

/// <summary>The recommendations module's policies.</summary>
public static class RecommendationsPolicies
{
    /// <summary>Read recommendations on cases and compliance: caseworkers, managers, admins.</summary>
    public const string Read = "Recommendations.Read";

    /// <summary>Write, issue and verify recommendations: caseworkers.</summary>
    public const string Work = "Recommendations.Work";

    /// <summary>The body's side: partner leads and handlers, for their own organisation only.</summary>
    public const string Respond = "Recommendations.Respond";

    /// <summary>Decide on escalated recommendations (whether to report a body publicly): managers.</summary>
    public const string Escalations = "Recommendations.Escalations";
}

/// <summary>A recommendation as other modules see it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="CaseReference">The decided case it came from.</param>
/// <param name="Kind">Individual or systemic.</param>
/// <param name="Category">What the body is asked to do.</param>
/// <param name="Text">The recommendation, in the words sent to the body.</param>
/// <param name="Amount">For a financial remedy, the amount in pounds.</param>
/// <param name="DueOn">When it must be done by.</param>
/// <param name="Status">Where it is.</param>
/// <param name="FinishedOn">The UK day its follow-up ended (complied, late, not complied, withdrawn), or null.</param>
public sealed record RecommendationSummary(
    Guid Id, string CaseReference, RecommendationKind Kind, RecommendationCategory Category, string Text, decimal? Amount, DateOnly DueOn,
    RecommendationStatus Status, DateOnly? FinishedOn);

/// <summary>The recommendations issued on a decided case, with their status (drafts are left out). Empty when
/// there are none.</summary>
/// <param name="CaseReference">The case reference.</param>
[RequiresPolicy(Policies.StaffOnly)]
public sealed record GetIssuedRecommendations(string CaseReference) : IQuery<IReadOnlyList<RecommendationSummary>>;

/// <summary>Published, through the outbox, when a case's recommendations are issued to the body (in one step).</summary>
/// <param name="CaseReference">The case.</param>
/// <param name="OrganisationId">The body.</param>
/// <param name="Recommendations">What was issued.</param>
public sealed record RecommendationsIssued(string CaseReference, Guid OrganisationId, IReadOnlyList<RecommendationSummary> Recommendations) : IIntegrationEvent;

/// <summary>Published, through the outbox, whenever an issued recommendation moves to another status.</summary>
/// <param name="RecommendationId">The recommendation.</param>
/// <param name="CaseReference">Its case.</param>
/// <param name="From">The status it left.</param>
/// <param name="To">The status it is in now.</param>
/// <param name="At">When.</param>
public sealed record RecommendationStatusChanged(Guid RecommendationId, string CaseReference, RecommendationStatus From, RecommendationStatus To, DateTimeOffset At) : IIntegrationEvent;

/// <summary>Words for people.</summary>
public static class RecommendationWords
{
    /// <summary>"Individual: put things right for the complainant"...</summary>
    public static string Describe(this RecommendationKind kind) => kind switch
    {
        RecommendationKind.Individual => "Individual: put things right for the complainant",
        RecommendationKind.Systemic => "Systemic: stop it happening to others",
        _ => kind.ToString(),
    };

    /// <summary>"Apology", "Financial remedy"...</summary>
    public static string Describe(this RecommendationCategory category) => category switch
    {
        RecommendationCategory.Apology => "Apology",
        RecommendationCategory.FinancialRemedy => "Financial remedy",
        RecommendationCategory.DecisionRetaken => "Decision taken again",
        RecommendationCategory.ProcedureChanged => "Procedure or policy changed",
        RecommendationCategory.StaffTrained => "Staff trained",
        RecommendationCategory.ActionPlan => "Action plan",
        RecommendationCategory.Other => "Other",
        _ => category.ToString(),
    };

    /// <summary>"Issued", "Complied late"...</summary>
    public static string Describe(this RecommendationStatus status) => status switch
    {
        RecommendationStatus.Draft => "Draft",
        RecommendationStatus.Issued => "Issued",
        RecommendationStatus.Accepted => "Accepted",
        RecommendationStatus.NotAccepted => "Not accepted",
        RecommendationStatus.AlternativeAgreed => "Alternative agreed",
        RecommendationStatus.EvidenceSent => "Evidence sent",
        RecommendationStatus.MoreEvidenceAsked => "More evidence asked for",
        RecommendationStatus.Overdue => "Overdue",
        RecommendationStatus.Complied => "Complied",
        RecommendationStatus.CompliedLate => "Complied late",
        RecommendationStatus.NotComplied => "Not complied",
        RecommendationStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    /// <summary>The GOV.UK tag colour for a status.</summary>
    public static string TagClass(this RecommendationStatus status) => status switch
    {
        RecommendationStatus.Draft => "govuk-tag--grey",
        RecommendationStatus.Issued or RecommendationStatus.Accepted or RecommendationStatus.AlternativeAgreed => "govuk-tag--blue",
        RecommendationStatus.EvidenceSent => "govuk-tag--turquoise",
        RecommendationStatus.MoreEvidenceAsked or RecommendationStatus.NotAccepted => "govuk-tag--yellow",
        RecommendationStatus.Overdue or RecommendationStatus.NotComplied => "govuk-tag--red",
        RecommendationStatus.Complied => "govuk-tag--green",
        RecommendationStatus.CompliedLate => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };
}
