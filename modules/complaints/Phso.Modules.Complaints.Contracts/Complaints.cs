using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Complaints.Contracts;

/// <summary>How a complaint ended when the ombudsman decided it.</summary>
public enum ComplaintOutcome
{
    /// <summary>The complaint was upheld in full.</summary>
    Upheld,

    /// <summary>Part of the complaint was upheld.</summary>
    PartlyUpheld,

    /// <summary>The complaint was not upheld.</summary>
    NotUpheld,

    /// <summary>Put right without an investigation (early resolution or mediation).</summary>
    ResolvedWithoutInvestigation,
}

/// <summary>
/// The ombudsman recorded its final decision on a complaint. Recommendations and publication act on it.
/// Published through the complaints module's outbox when the decision is recorded.
/// </summary>
/// <param name="ComplaintId">The case's id.</param>
/// <param name="Reference">The case reference people quote, e.g. "PSO-2026-00042".</param>
/// <param name="OrganisationId">The body complained about, from the organisation register (null if never linked).</param>
/// <param name="BodyName">The body's name as recorded on the case.</param>
/// <param name="Sector">Health or parliamentary.</param>
/// <param name="Outcome">The decision.</param>
/// <param name="DecisionDate">The day the decision was made (UK date).</param>
/// <param name="FindingsMarkdown">The findings, in Markdown (render with the shared safe renderer).</param>
/// <param name="ReceivedDate">When the complaint was received, for timeliness figures.</param>
public sealed record ComplaintDecided(
    Guid ComplaintId, string Reference, Guid? OrganisationId, string BodyName, Sector Sector, ComplaintOutcome Outcome,
    DateOnly DecisionDate, string FindingsMarkdown, DateOnly ReceivedDate) : IIntegrationEvent;

/// <summary>A decided case, as other modules (recommendations, publication) may read it. Null when there is none
/// with that reference or it has no final decision.</summary>
/// <param name="Reference">The case reference.</param>
[RequiresPolicy(Policies.StaffOnly)]
public sealed record GetDecidedCase(string Reference) : IQuery<DecidedCase?>;

/// <summary>Cases with a final decision made between <paramref name="From"/> and <paramref name="To"/> (both
/// included), optionally about one body, newest first; at most 5,000. For recommendations' demo data and compliance
/// figures.</summary>
/// <param name="From">First decision day.</param>
/// <param name="To">Last decision day.</param>
/// <param name="OrganisationId">Only cases about this body.</param>
[RequiresPolicy(Policies.StaffOnly)]
public sealed record ListDecidedCases(DateOnly From, DateOnly To, Guid? OrganisationId = null) : IQuery<IReadOnlyList<DecidedCase>>;

/// <summary>How many complaints about each body had a final decision between <paramref name="From"/> and
/// <paramref name="To"/> (both included), and how many of those were upheld in full or in part: counted by the
/// database, for compliance figures and comparisons between bodies.</summary>
/// <param name="From">First decision day.</param>
/// <param name="To">Last decision day.</param>
[RequiresPolicy(Policies.StaffOnly)]
public sealed record CountDecisionsByBody(DateOnly From, DateOnly To) : IQuery<IReadOnlyList<BodyDecisions>>;

/// <summary>One body's decisions in a period.</summary>
/// <param name="OrganisationId">The body, from the register.</param>
/// <param name="Decided">Complaints decided.</param>
/// <param name="Upheld">Of those, upheld or partly upheld.</param>
public sealed record BodyDecisions(Guid OrganisationId, int Decided, int Upheld);

/// <summary>What other modules may know of a decided case. No personal details of the complainant.</summary>
/// <param name="ComplaintId">The case's id.</param>
/// <param name="Reference">The case reference.</param>
/// <param name="OrganisationId">The body, from the register.</param>
/// <param name="BodyName">The body's name.</param>
/// <param name="Sector">Health or parliamentary.</param>
/// <param name="Outcome">The decision.</param>
/// <param name="DecisionDate">When it was decided.</param>
/// <param name="FindingsMarkdown">The findings.</param>
public sealed record DecidedCase(Guid ComplaintId, string Reference, Guid? OrganisationId, string BodyName, Sector Sector, ComplaintOutcome Outcome, DateOnly DecisionDate, string FindingsMarkdown);

/// <summary>What the body was asked to do for the person who complained, for their private-link page. Complaints owns
/// the page and asks; the recommendations module answers (so dependencies run one way). Sent only after the link's
/// token has been checked.</summary>
/// <param name="Reference">The case.</param>
[AnyCaller]
public sealed record GetRemediesForComplainant(string Reference) : IQuery<IReadOnlyList<RemedyForComplainant>>;

/// <summary>One thing the body was asked to do for the complainant, in plain words.</summary>
/// <param name="What">"Apology", "Financial remedy: £250.00"...</param>
/// <param name="Text">The recommendation as issued.</param>
/// <param name="DueOn">When it is due.</param>
/// <param name="Progress">Where it is, for the complainant: "The organisation has accepted it", "Done".</param>
/// <param name="Done">Whether the ombudsman has accepted the evidence that it was done.</param>
public sealed record RemedyForComplainant(string What, string Text, DateOnly DueOn, string Progress, bool Done);

/// <summary>A body's systemic recommendations found done (complied, on time or late) since a day: shown on a new case
/// about the body so the caseworker can see whether a failing has come back. Asked by complaints, answered by
/// recommendations.</summary>
/// <param name="OrganisationId">The body.</param>
/// <param name="Since">The earliest day follow-up ended.</param>
[RequiresPolicy(Policies.StaffOnly)]
public sealed record GetPastFailings(Guid OrganisationId, DateOnly Since) : IQuery<IReadOnlyList<PastFailing>>;

/// <summary>One systemic recommendation a body complied with.</summary>
/// <param name="CaseReference">The case it came from.</param>
/// <param name="Category">What the body was asked to do ("Procedure or policy changed").</param>
/// <param name="Text">The recommendation.</param>
/// <param name="CompliedOn">When the ombudsman accepted the evidence.</param>
public sealed record PastFailing(string CaseReference, string Category, string Text, DateOnly CompliedOn);

/// <summary>Words for people.</summary>
public static class ComplaintText
{
    /// <summary>"Upheld", "Partly upheld"...</summary>
    public static string Describe(this ComplaintOutcome outcome) => outcome switch
    {
        ComplaintOutcome.Upheld => "Upheld",
        ComplaintOutcome.PartlyUpheld => "Partly upheld",
        ComplaintOutcome.NotUpheld => "Not upheld",
        ComplaintOutcome.ResolvedWithoutInvestigation => "Resolved without an investigation",
        _ => outcome.ToString(),
    };
}
