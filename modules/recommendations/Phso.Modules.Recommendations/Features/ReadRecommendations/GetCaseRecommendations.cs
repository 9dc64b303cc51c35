using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.IssueRecommendations;
using Phso.Modules.Recommendations.Persistence;
using Phso.Modules.Training.Contracts;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Features.ReadRecommendations;

/// <summary>A decided case's recommendations for the caseworker: drafts and issued ones, oldest first. 404 when there
/// is no decided case with that reference.</summary>
[RequiresPolicy(RecommendationsPolicies.Read)]
public sealed record GetCaseRecommendations(string CaseReference) : IQuery<CaseRecommendations>;

/// <summary>The case's recommendations; <paramref name="CannotHave"/> says why the case cannot have any (not upheld,
/// body not in the register), or is null.
/// A staff training recommendation may name one of <paramref name="Courses"/> for some of <paramref name="Handlers"/>
/// (both empty when the body has no accounts here).</summary>
public sealed record CaseRecommendations(
    string CaseReference, string BodyName, DateOnly DecisionDate, bool BodyIsPartner, string? CannotHave, IReadOnlyList<RecommendationView> Items,
    IReadOnlyList<CourseChoice> Courses, IReadOnlyList<HandlerChoice> Handlers)
{
    public IReadOnlyList<RecommendationView> Drafts => [.. Items.Where(i => i.Status == RecommendationStatus.Draft)];
}

/// <summary>A complaint handler of the body, who a training recommendation can name.</summary>
public sealed record HandlerChoice(Guid Id, string Name);

internal sealed class GetCaseRecommendationsHandler(RecommendationsDbContext db, RecommendationCases cases, IMediator mediator, TimeProvider clock)
    : IRequestHandler<GetCaseRecommendations, CaseRecommendations>
{
    public async Task<CaseRecommendations> Handle(GetCaseRecommendations request, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var items = await db.Recommendations.AsNoTracking().Include(r => r.Steps).Include(r => r.Files).AsSplitQuery()
            .Where(r => r.CaseReference == request.CaseReference).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var views = items.Select(r => RecommendationViews.View(r, today)).ToList();
        try
        {
            var found = await cases.LoadAsync(request.CaseReference, cancellationToken);
            var organisation = found.Facts.OrganisationId;
            IReadOnlyList<HandlerChoice> handlers = found.IsPartner
                ? [.. (await mediator.Send(new FindPeople(Roles.PartnerHandler, organisation), cancellationToken)).OrderBy(p => p.DisplayName).Select(p => new HandlerChoice(p.Id, p.DisplayName))]
                : [];
            var courses = handlers.Count > 0 ? await mediator.Send(new ListCoursesForHandlers(organisation), cancellationToken) : [];
            return new CaseRecommendations(found.Facts.Reference, found.Facts.BodyName, found.Facts.DecisionDate, found.IsPartner, null, views, courses, handlers);
        }
        catch (RuleViolationException refused)
        {
            var decided = await mediator.Send(new Complaints.Contracts.GetDecidedCase(request.CaseReference), cancellationToken);
            return new CaseRecommendations(request.CaseReference, decided!.BodyName, decided.DecisionDate, false, refused.Message, views, [], []);
        }
    }
}
