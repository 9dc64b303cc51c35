using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Organisations.Pages.Organisations;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public OrganisationSummary Current { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(id), cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Current = organisation;
        Input = OrganisationForm.From(organisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(id), cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Current = organisation;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await TryAsync(() => mediator.Send(new UpdateOrganisation(id, Input.Version, Input.Name ?? "", Input.Type, Input.Sector, Input.Nation, Input.InRemit, Input.IsPartner, Input.OdsCode), cancellationToken), "Input");
        if (saved)
        {
            SuccessMessage = "The organisation's details have been changed.";
            return Redirect($"/organisations/{id}");
        }

        if (ConcurrencyConflict)
        {
            // Keep what they typed; show what is saved now; saving again from here overwrites it knowingly.
            Current = (await mediator.Send(new GetOrganisation(id), cancellationToken))!;
            ModelState.Remove("Input.Version");
            Input.Version = Current.Version;
        }

        return Page();
    }
}
