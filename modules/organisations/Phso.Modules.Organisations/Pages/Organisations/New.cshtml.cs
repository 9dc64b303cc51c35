using MediatR;
using Phso.SharedKernel.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Organisations.Pages.Organisations;

[Authorize(Policy = Policies.Admin)]
public sealed class NewModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty]
    public OrganisationForm Form { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = Guid.Empty;
        if (!await TryAsync(async () => id = await mediator.Send(new RegisterOrganisation(Form.Name ?? "", Form.Type, Form.Sector, Form.Nation, Form.InRemit, Form.IsPartner, Form.OdsCode), cancellationToken), "Form"))
        {
            return Page();
        }

        SuccessMessage = "The organisation has been added to the register.";
        return Redirect($"/organisations/{id}");
    }
}
