using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Organisations.Pages.Organisations;

[Authorize(Policy = OrganisationPolicies.Register)]
public sealed class NewModel(IMediator mediator) : PhsoPageModel
{
    /// <summary>Where to go back to afterwards (a case's "link the body" page), when it is a page of this service.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnTo { get; set; }

    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = Guid.Empty;
        if (!await TryAsync(async () => id = await mediator.Send(new RegisterOrganisation(Input.Name ?? "", Input.Type, Input.Sector, Input.Nation, Input.InRemit, Input.IsPartner, Input.OdsCode), cancellationToken), "Input"))
        {
            return Page();
        }

        SuccessMessage = "The organisation has been added to the register.";
        return Redirect(ReturnTo is not null && Url.IsLocalUrl(ReturnTo) ? $"{ReturnTo}{(ReturnTo.Contains('?', StringComparison.Ordinal) ? '&' : '?')}organisation={id}" : $"/organisations/{id}");
    }
}
