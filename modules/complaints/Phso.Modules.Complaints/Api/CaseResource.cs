using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Complaints.Api;

/// <summary>A case as the API shows it to caseworkers: what the case page shows, without the private link's hashes
/// or the stored files' paths. <c>Version</c> is what a change must send back to be accepted.</summary>
internal sealed record CaseResource(
    string Reference, int Version, CaseStage Stage, DateTimeOffset ReceivedAt, string BodyName, Guid? OrganisationId, Sector? Sector,
    CaseResource.PersonPart Person, CaseResource.RepresentativePart? Representative, Adjustments Adjustments,
    CaseResource.FactsPart Facts, string? AssignedTo, Priority Priority, PriorityReasons PriorityReasons, ClockStatus ClockStatus, DateOnly? NextClockDueOn,
    IReadOnlyList<CaseResource.CheckPart> Checks, IReadOnlyList<CaseResource.ClockPart> Clocks,
    CaseResource.ProvisionalViewPart? ProvisionalView, string? DecisionLock, CaseResource.DecisionPart? Decision, DateOnly? ReviewWindowEnds,
    IReadOnlyList<CaseResource.ReviewPart> Reviews, IReadOnlyList<CaseResource.DocumentPart> Documents, IReadOnlyList<CaseResource.EventPart> Timeline,
    IReadOnlyList<CaseStage> NextStages, IReadOnlyList<CaseAction> Actions)
{
    public static CaseResource From(CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Complaint;
        return new CaseResource(
            c.Reference, c.Version, c.Stage, c.ReceivedAt, c.BodyName, c.OrganisationId, c.Sector,
            new PersonPart(c.Person.Name, c.Person.Nation, c.Person.Email, c.Person.Phone, c.Person.Address),
            c.Representative is { } r ? new RepresentativePart(r.Name, r.Relationship, r.Capacity, r.Email, r.Phone) : null,
            c.Adjustments,
            new FactsPart(c.WhatHappened, c.AwareOn, c.Impact, c.OutcomeWanted, c.BodyProcedure, c.ComplainedToBodyOn, c.BodyAcknowledgedOn, c.BodyFinalResponseOn,
                c.Mp is { } mp ? new MpPart(mp.MpName, mp.Constituency, mp.ReferredOn) : null, c.LegalRemedy,
                [.. c.LocalAnswers.OrderBy(a => a.Position).Select(a => new LocalAnswerPart(a.PluginId, a.PluginName, a.Key, a.Question, a.Type, a.Answer))]),
            c.AssignedToName, c.Priority, c.PriorityReasons, c.ClockStatus, c.NextClockDueOn,
            [.. view.Eligibility.Select(e => c.Checks.SingleOrDefault(d => d.Check == e.Check) is { } d
                ? new CheckPart(e.Check, e.Outcome, e.Explanation, d.Met, d.Reason, d.DecidedByName)
                : new CheckPart(e.Check, e.Outcome, e.Explanation, null, null, null))],
            [.. c.Clocks.OrderBy(k => k.StartedOn).Select(k => new ClockPart(k.Kind, k.StartedOn, k.DueOn, k.State, k.CompletedOn))],
            c.ProvisionalViewMarkdown is null ? null : new ProvisionalViewPart(c.ProvisionalViewMarkdown, c.ProvisionalViewSharedOn!.Value, c.CommentsDueOn!.Value,
                c.ComplainantComment, c.ComplainantCommentedAt, c.BodyComment, c.BodyCommentedAt),
            view.DecisionLock,
            c.DecidedOn is { } decided ? new DecisionPart(c.Outcome, decided, c.FindingsMarkdown, c.DeclineReasons, c.Signpost, c.DeclineExplanation) : null,
            view.ReviewWindowEnds,
            [.. c.Reviews.OrderBy(v => v.RequestedAt).Select(v => new ReviewPart(v.RequestedAt, v.Grounds, v.Explanation, v.Outcome, v.OutcomeReason, v.DecidedAt))],
            [.. c.Documents.OrderBy(d => d.AddedAt).Select(d => new DocumentPart(d.Id, d.FileName, d.ContentType, d.Size, d.AddedAt, d.AddedBy, d.FromComplainant))],
            [.. view.Timeline.Select(e => new EventPart(e.At, e.Kind, e.ActorName, e.Summary, e.Detail, e.Visibility, e.DocumentId))],
            CaseStages.NextFrom(c.Stage),
            view.Actions);
    }

    public sealed record PersonPart(string Name, Nation Nation, string? Email, string? Phone, string? Address);

    public sealed record RepresentativePart(string Name, string Relationship, RepresentativeCapacity Capacity, string? Email, string? Phone);

    public sealed record MpPart(string Name, string Constituency, DateOnly ReferredOn);

    public sealed record FactsPart(
        string WhatHappened, DateOnly AwareOn, string Impact, string OutcomeWanted, BodyProcedure BodyProcedure, DateOnly? ComplainedToBodyOn,
        DateOnly? BodyAcknowledgedOn, DateOnly? BodyFinalResponseOn, MpPart? Mp, LegalRemedy LegalRemedy, IReadOnlyList<LocalAnswerPart> LocalAnswers);

    /// <summary>An answer to a partner plugin's question, with the question as asked; dates as yyyy-MM-dd.</summary>
    public sealed record LocalAnswerPart(string PluginId, string PluginName, string Key, string Question, Plugins.Contracts.IntakeAnswerType Type, string? Answer);

    public sealed record CheckPart(EligibilityCheck Check, CheckOutcome Engine, string Explanation, bool? Met, string? Reason, string? DecidedBy);

    public sealed record ClockPart(ClockKind Kind, DateOnly StartedOn, DateOnly DueOn, ClockState State, DateOnly? CompletedOn);

    public sealed record ProvisionalViewPart(
        string Markdown, DateOnly SharedOn, DateOnly CommentsDueOn, string? ComplainantComment, DateTimeOffset? ComplainantCommentedAt, string? BodyComment,
        DateTimeOffset? BodyCommentedAt);

    public sealed record DecisionPart(ComplaintOutcome? Outcome, DateOnly DecidedOn, string? FindingsMarkdown, string? DeclineReasons, Signpost? Signpost, string? DeclineExplanation);

    public sealed record ReviewPart(DateTimeOffset RequestedAt, ReviewGrounds Grounds, string Explanation, ReviewOutcome? Outcome, string? OutcomeReason, DateTimeOffset? DecidedAt);

    public sealed record DocumentPart(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset AddedAt, string AddedBy, bool FromComplainant);

    public sealed record EventPart(DateTimeOffset At, CaseEventKind Kind, string Actor, string Summary, string? Detail, Visibility Visibility, Guid? DocumentId);
}
