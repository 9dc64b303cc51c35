using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Persistence;

namespace Phso.Modules.Recommendations.Features.ReadRecommendations;

// Answers to questions complaints' pages ask (complaints owns the requests, so it need not depend on this module).

/// <summary>The individual recommendations issued on the complainant's case, with where each is in words for them.</summary>
internal sealed class GetRemediesForComplainantHandler(RecommendationsDbContext db) : IRequestHandler<GetRemediesForComplainant, IReadOnlyList<RemedyForComplainant>>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<IReadOnlyList<RemedyForComplainant>> Handle(GetRemediesForComplainant request, CancellationToken cancellationToken)
    {
        var found = await db.Recommendations.AsNoTracking()
            .Where(r => r.CaseReference == request.Reference && r.Kind == RecommendationKind.Individual && r.Status != RecommendationStatus.Draft && r.Status != RecommendationStatus.Withdrawn)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return [.. found.Select(r => new RemedyForComplainant(
            r.Category.Describe() + (r.Amount is { } amount ? $": {amount.ToString("C", English)}" : ""), r.Text, r.DueOn, Progress(r.Status),
            r.Status is RecommendationStatus.Complied or RecommendationStatus.CompliedLate))];
    }

    private static string Progress(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Issued => "We have asked the organisation to do this",
        RecommendationStatus.Accepted or RecommendationStatus.AlternativeAgreed => "The organisation has agreed to do this",
        RecommendationStatus.NotAccepted => "The organisation has not agreed; we are considering what happens next",
        RecommendationStatus.EvidenceSent or RecommendationStatus.MoreEvidenceAsked => "We are checking what the organisation has done",
        RecommendationStatus.Overdue => "This is late: we are following it up with the organisation",
        RecommendationStatus.Complied or RecommendationStatus.CompliedLate => "Done: we have checked the evidence",
        RecommendationStatus.NotComplied => "The organisation did not do this",
        _ => status.Describe(),
    };
}

/// <summary>The body's complied systemic recommendations since the day asked, newest first (at most 50).</summary>
internal sealed class GetPastFailingsHandler(RecommendationsDbContext db) : IRequestHandler<GetPastFailings, IReadOnlyList<PastFailing>>
{
    public async Task<IReadOnlyList<PastFailing>> Handle(GetPastFailings request, CancellationToken cancellationToken)
    {
        var found = await db.Recommendations.AsNoTracking()
            .Where(r => r.OrganisationId == request.OrganisationId && r.Kind == RecommendationKind.Systemic
                && (r.Status == RecommendationStatus.Complied || r.Status == RecommendationStatus.CompliedLate) && r.FinishedOn >= request.Since)
            .OrderByDescending(r => r.FinishedOn).Take(50)
            .Select(r => new { r.CaseReference, r.Category, r.Text, r.FinishedOn })
            .ToListAsync(cancellationToken);
        return [.. found.Select(r => new PastFailing(r.CaseReference, r.Category.Describe(), r.Text, r.FinishedOn!.Value))];
    }
}
