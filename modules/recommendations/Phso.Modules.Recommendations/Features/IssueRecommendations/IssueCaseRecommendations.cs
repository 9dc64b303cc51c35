using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.Modules.Recommendations.Persistence;
using Phso.Modules.Training.Contracts;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Recommendations.Features.IssueRecommendations;

/// <summary>A draft as the caseworker's page read it.</summary>
/// <param name="Id">The draft.</param>
/// <param name="Version">Its version when read.</param>
public sealed record DraftRead(Guid Id, int Version);

/// <summary>Issues a case's drafts to the body together, in one step, and tells the body's partner leads. The drafts
/// sent must be exactly the case's drafts as they stand (a draft added, changed or withdrawn since is a conflict), so
/// the body receives what the caseworker last saw. Returns how many were issued.</summary>
/// <param name="CaseReference">The decided case.</param>
/// <param name="Drafts">Every draft on the case, with the version read.</param>
[RequiresPolicy(RecommendationsPolicies.Work)]
public sealed record IssueCaseRecommendations(string CaseReference, IReadOnlyList<DraftRead>? Drafts) : ICommand<int>;

internal sealed class IssueCaseRecommendationsValidator : AbstractValidator<IssueCaseRecommendations>
{
    public IssueCaseRecommendationsValidator() =>
        RuleFor(r => r.Drafts).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Send the drafts you read (\"drafts\": each id and version), so that the body receives what you saw")
            .Must(d => d!.Count > 0).WithMessage("Write at least one recommendation before issuing")
            .Must(d => d!.Count <= DraftRecommendationHandler.MaxPerCase).WithMessage($"A case can have at most {DraftRecommendationHandler.MaxPerCase} recommendations");
}

internal sealed class IssueCaseRecommendationsHandler(RecommendationsDbContext db, RecommendationCases cases, RecommendationServices services, IMediator mediator)
    : IRequestHandler<IssueCaseRecommendations, int>
{
    public async Task<int> Handle(IssueCaseRecommendations request, CancellationToken cancellationToken)
    {
        var found = await cases.LoadAsync(request.CaseReference, cancellationToken);
        var drafts = await db.Recommendations.Include(r => r.Steps)
            .Where(r => r.CaseReference == found.Facts.Reference && r.Status == RecommendationStatus.Draft)
            .ToListAsync(cancellationToken);
        var read = request.Drafts!.ToDictionary(d => d.Id, d => d.Version);
        if (drafts.Count != read.Count || drafts.Any(d => !read.ContainsKey(d.Id)))
        {
            throw new ConcurrencyConflictException("The case's draft recommendations have changed since you read them (one was added or withdrawn). Nothing has been issued. Check the drafts below, then issue them again.");
        }

        foreach (var draft in drafts)
        {
            db.ExpectVersion(draft, read[draft.Id]);
            draft.Issue(services.Actor, services.Now);
            services.StatusChanged(draft, RecommendationStatus.Draft);
        }

        foreach (var draft in drafts.Where(d => d.TrainingCourseId is not null))
        {
            draft.TrainingAssigned(await AssignTrainingAsync(draft, cancellationToken));
        }

        db.Publish(new RecommendationsIssued(found.Facts.Reference, found.Facts.OrganisationId, [.. drafts.Select(RecommendationViews.Summary)]));
        var leads = await mediator.Send(new FindPeople(Roles.PartnerLead, found.Facts.OrganisationId), cancellationToken);
        foreach (var lead in leads)
        {
            services.Notify(lead.Id, $"Case {found.Facts.Reference}: {drafts.Count} {(drafts.Count == 1 ? "recommendation" : "recommendations")} for {found.Facts.BodyName}",
                $"The ombudsman has upheld a complaint about {found.Facts.BodyName} and asks it to act. Accept each recommendation, or say why not, and send evidence when it is done.",
                "/partner/recommendations");
        }

        return drafts.Count;
    }

    /// <summary>The training module assigns the course in this same transaction: if it cannot (the course was
    /// retired, a handler has left since the draft), nothing is issued and the caseworker is told which draft.</summary>
    private async Task<Guid> AssignTrainingAsync(Recommendation draft, CancellationToken cancellationToken)
    {
        try
        {
            return await mediator.Send(
                new AssignCourseToHandlers(draft.TrainingCourseId!.Value, draft.OrganisationId, draft.TraineeIds, draft.DueOn, $"recommendation on case {draft.CaseReference}"),
                cancellationToken);
        }
        catch (RequestValidationException refused)
        {
            var why = string.Join(" ", refused.Errors.SelectMany(e => e.Value));
            throw new RuleViolationException($"The training named in the draft \"{Shorten(draft.Text)}\" can no longer be assigned: {why}. Nothing has been issued. Withdraw that draft and write it again.");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
