using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Admin.People;

[Authorize(Policy = Policies.Admin)]
public sealed class NewModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public PersonChoices Choices { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Choices = await PersonChoices.LoadAsync(mediator, null, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Choices = await PersonChoices.LoadAsync(mediator, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = Guid.Empty;
        if (!await TryAsync(async () => id = await mediator.Send(
                new CreatePerson(Input.DisplayName ?? "", Input.Email ?? "", Input.Kind, [.. Input.StaffRoles], Input.PartnerRole, Input.TeamId, Input.LineManagerId, Input.OrganisationId),
                cancellationToken), "Input"))
        {
            return Page();
        }

        SuccessMessage = $"The account has been created. We have emailed {Input.Email} a link to choose a password.";
        return Redirect($"/admin/people/{id}");
    }
}
