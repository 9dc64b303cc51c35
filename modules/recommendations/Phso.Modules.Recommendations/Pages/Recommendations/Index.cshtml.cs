using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages.Recommendations;

/// <summary>Issued recommendations across bodies: outstanding, overdue, evidence to check, or all.</summary>
[Authorize(Policy = RecommendationsPolicies.Read)]
public sealed class IndexModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public RecommendationFilter Filter { get; set; } = RecommendationFilter.Outstanding;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public RecommendationLinePage Results { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await mediator.Send(new ListRecommendations(Filter, PageNumber), cancellationToken);
}
