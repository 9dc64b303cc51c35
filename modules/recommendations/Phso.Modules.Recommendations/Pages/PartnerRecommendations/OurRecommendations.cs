using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.BodyResponses;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.SharedKernel.Files;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages.PartnerRecommendations;

// The body's side: its partner leads and handlers see only their own organisation's issued recommendations. Any other
// id is "not found", exactly as one that never existed.

[Authorize(Policy = RecommendationsPolicies.Respond)]
public sealed class OurRecommendationsModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public RecommendationLinePage Results { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Results = await mediator.Send(new ListOurRecommendations(PageNumber), cancellationToken);
}

[Authorize(Policy = RecommendationsPolicies.Respond)]
public sealed class OurRecommendationModel(IMediator mediator) : PhsoPageModel
{
    public RecommendationView Recommendation { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOurRecommendation(id), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Recommendation = found;
        return Page();
    }
}

[Authorize(Policy = RecommendationsPolicies.Respond)]
public sealed class OurEvidenceFileModel(IMediator mediator, EvidenceFiles files) : PhsoPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetOurRecommendation(id), cancellationToken) is { } found
            ? Recommendations.EvidenceFileModel.Download(Response, files, found, fileId)
            : NotFound();
}

