using MediatR;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Features.ReadRecommendations;

/// <summary>Which recommendations a staff list shows.</summary>
public enum RecommendationFilter
{
    /// <summary>Issued and not finished.</summary>
    Outstanding,

    /// <summary>Past their due date without accepted evidence.</summary>
    Overdue,

    /// <summary>Evidence sent, waiting for the caseworker to check it.</summary>
    EvidenceToCheck,

    /// <summary>Overdue long enough to be escalated to senior managers, and not finished.</summary>
    Escalated,

    /// <summary>Every issued recommendation.</summary>
    All,
}

/// <summary>Issued recommendations across every body, outstanding and soonest due first, 50 a page.</summary>
[RequiresPolicy(RecommendationsPolicies.Read)]
public sealed record ListRecommendations(RecommendationFilter? Filter = RecommendationFilter.Outstanding, int Page = 1) : IQuery<RecommendationLinePage>;

internal sealed class ListRecommendationsHandler(RecommendationsDbContext db, TimeProvider clock) : IRequestHandler<ListRecommendations, RecommendationLinePage>
{
    public Task<RecommendationLinePage> Handle(ListRecommendations request, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var issued = db.Recommendations.Where(r => r.Status != RecommendationStatus.Draft);
        var outstanding = RecommendationMoves.StartingPoints(RecommendationMove.Withdraw).Where(s => s != RecommendationStatus.Draft).ToList();
        var owed = RecommendationMoves.BodyOwes.ToList();
        var query = request.Filter switch
        {
            // As RecommendationMoves.IsOverdue, in SQL.
            RecommendationFilter.Overdue => issued.Where(r => r.Status == RecommendationStatus.Overdue || (owed.Contains(r.Status) && r.DueOn < today)),
            RecommendationFilter.Escalated => issued.Where(r => r.EscalatedOn != null && outstanding.Contains(r.Status)),
            RecommendationFilter.EvidenceToCheck => issued.Where(r => r.Status == RecommendationStatus.EvidenceSent),
            RecommendationFilter.All => issued,
            _ => issued.Where(r => outstanding.Contains(r.Status)),
        };
        return RecommendationViews.PageAsync(query, request.Page, finishedLast: request.Filter == RecommendationFilter.All, clock, cancellationToken);
    }
}
