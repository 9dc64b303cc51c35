using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages.Recommendations;

/// <summary>Recommendations overdue long enough to be escalated, for senior managers to decide on.</summary>
[Authorize(Policy = RecommendationsPolicies.Read)]
public sealed class EscalatedModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public RecommendationLinePage Results { get; private set; } = default!;

    public bool CanDecide => User.IsInRole(Roles.Manager);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await mediator.Send(new ListRecommendations(RecommendationFilter.Escalated, PageNumber), cancellationToken);
}
