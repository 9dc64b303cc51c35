using MediatR;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Features.ReadRecommendations;

/// <summary>One recommendation with its history, for staff; null when there is none with that id.</summary>
[RequiresPolicy(RecommendationsPolicies.Read)]
public sealed record GetRecommendation(Guid Id) : IQuery<RecommendationView?>;

internal sealed class GetRecommendationHandler(RecommendationsDbContext db, TimeProvider clock, IMediator mediator) : IRequestHandler<GetRecommendation, RecommendationView?>
{
    public async Task<RecommendationView?> Handle(GetRecommendation request, CancellationToken cancellationToken) =>
        await RecommendationViews.LoadAsync(db, request.Id, cancellationToken) is { } found
            ? await RecommendationViews.WithTrainingProgressAsync(RecommendationViews.View(found, UkTime.Today(clock)), mediator, cancellationToken)
            : null;
}
