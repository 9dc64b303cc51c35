using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Persistence;

namespace Phso.Modules.Recommendations.Features.ReadRecommendations;

internal sealed class GetIssuedRecommendationsHandler(RecommendationsDbContext db) : IRequestHandler<GetIssuedRecommendations, IReadOnlyList<RecommendationSummary>>
{
    public async Task<IReadOnlyList<RecommendationSummary>> Handle(GetIssuedRecommendations request, CancellationToken cancellationToken) =>
        [.. (await db.Recommendations.AsNoTracking()
            .Where(r => r.CaseReference == request.CaseReference && r.Status != RecommendationStatus.Draft)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken)).Select(RecommendationViews.Summary)];
}
