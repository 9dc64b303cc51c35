using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.Compliance;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages.Recommendations;

/// <summary>The annual letter to a body with its year's figures, laid out to print (the print style sheet hides the
/// service's header and footer).</summary>
[Authorize(Policy = RecommendationsPolicies.Read)]
public sealed class ComplianceLetterModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? OrganisationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public BodyCompliance Compliance { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || OrganisationId is not { } id)
        {
            return Redirect("/recommendations/compliance");
        }

        BodyCompliance? found = null;
        if (!await TryAsync(async () => found = await mediator.Send(new GetBodyCompliance(id, Year), cancellationToken), prefix: ""))
        {
            return Redirect($"/recommendations/compliance?organisationId={id}");
        }

        if (found is null)
        {
            return NotFound();
        }

        Compliance = found;
        return Page();
    }
}
