using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Features.FindPeople;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Admin.People;

[Authorize(Policy = Policies.Admin)]
public sealed class DeactivateModel(IMediator mediator) : PhsoPageModel
{
    public PersonForEditing Person { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPersonForEditing(id), cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new DeactivatePerson(id, version), cancellationToken), prefix: ""))
        {
            SuccessMessage = "The account has been deactivated.";
            return Redirect($"/admin/people/{id}");
        }

        return await OnGetAsync(id, cancellationToken);
    }
}
