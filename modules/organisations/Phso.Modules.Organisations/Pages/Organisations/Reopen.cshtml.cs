using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Organisations.Pages.Organisations;

[Authorize(Policy = Policies.Admin)]
public sealed class ReopenModel(IMediator mediator) : PhsoPageModel
{
    public OrganisationSummary Organisation { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(id), cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(id), cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        if (await TryAsync(() => mediator.Send(new ReopenOrganisation(id, version), cancellationToken), prefix: ""))
        {
            SuccessMessage = $"{organisation.Name} is open again.";
            return Redirect($"/organisations/{id}");
        }

        return Page();
    }
}
