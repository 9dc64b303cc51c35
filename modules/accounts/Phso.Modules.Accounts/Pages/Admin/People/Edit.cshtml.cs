using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Features.FindPeople;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Admin.People;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public PersonForEditing Current { get; private set; } = default!;

    public PersonChoices Choices { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPersonForEditing(id), cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Current = person;
        Input = PersonForm.From(person.Person, person.Version);
        Choices = await PersonChoices.LoadAsync(mediator, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPersonForEditing(id), cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Current = person;
        Choices = await PersonChoices.LoadAsync(mediator, id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await TryAsync(() => mediator.Send(
                new UpdatePerson(id, Input.Version, Input.DisplayName ?? "", Input.Email ?? "", Input.Kind, [.. Input.StaffRoles], Input.PartnerRole, Input.TeamId, Input.LineManagerId, Input.OrganisationId),
                cancellationToken), "Input"))
        {
            SuccessMessage = "The person's details have been changed.";
            return Redirect($"/admin/people/{id}");
        }

        if (ConcurrencyConflict)
        {
            Current = (await mediator.Send(new GetPersonForEditing(id), cancellationToken))!;
            ModelState.Remove("Input.Version");
            Input.Version = Current.Version;
        }

        return Page();
    }
}
