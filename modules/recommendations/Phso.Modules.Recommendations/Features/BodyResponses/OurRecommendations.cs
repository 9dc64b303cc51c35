using MediatR;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Features.BodyResponses;

/// <summary>The signed-in partner's organisation's issued recommendations, what is outstanding and soonest due first.
/// A partner with no organisation sees none.</summary>
[RequiresPolicy(RecommendationsPolicies.Respond)]
public sealed record ListOurRecommendations(int Page = 1) : IQuery<RecommendationLinePage>;

/// <summary>One of the signed-in partner's organisation's issued recommendations, or null (another organisation's is
/// null too, exactly as one that does not exist).</summary>
[RequiresPolicy(RecommendationsPolicies.Respond)]
public sealed record GetOurRecommendation(Guid Id) : IQuery<RecommendationView?>;

internal sealed class ListOurRecommendationsHandler(RecommendationsDbContext db, ICurrentUser me, TimeProvider clock) : IRequestHandler<ListOurRecommendations, RecommendationLinePage>
{
    public Task<RecommendationLinePage> Handle(ListOurRecommendations request, CancellationToken cancellationToken)
    {
        var organisation = me.OrganisationId;
        return RecommendationViews.PageAsync(
            db.Recommendations.Where(r => organisation != null && r.OrganisationId == organisation && r.Status != RecommendationStatus.Draft), request.Page, finishedLast: true, clock, cancellationToken);
    }
}

internal sealed class GetOurRecommendationHandler(RecommendationsDbContext db, ICurrentUser me, TimeProvider clock, IMediator mediator) : IRequestHandler<GetOurRecommendation, RecommendationView?>
{
    public async Task<RecommendationView?> Handle(GetOurRecommendation request, CancellationToken cancellationToken) =>
        await RecommendationViews.LoadAsync(db, request.Id, cancellationToken) is { } found
            && me.OrganisationId is { } organisation && found.OrganisationId == organisation && found.Status != RecommendationStatus.Draft
            ? await RecommendationViews.WithTrainingProgressAsync(RecommendationViews.View(found, UkTime.Today(clock)), mediator, cancellationToken)
            : null;
}
