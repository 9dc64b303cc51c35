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
    public PersonForm Form { get; set; } = new();

    public PersonForEditing Current { get; private set; } = default!;

    public PersonChoices Choices { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPersonForEditing(id), cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Current = person;
        Form = PersonForm.From(person.Person, person.Version);
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
                new UpdatePerson(id, Form.Version, Form.DisplayName ?? "", Form.Email ?? "", Form.Kind, [.. Form.StaffRoles], Form.PartnerRole, Form.TeamId, Form.LineManagerId, Form.OrganisationId),
                cancellationToken), "Form"))
        {
            SuccessMessage = "The person's details have been changed.";
            return Redirect($"/admin/people/{id}");
        }

        if (ConcurrencyConflict)
        {
            Current = (await mediator.Send(new GetPersonForEditing(id), cancellationToken))!;
            ModelState.Remove("Form.Version");
            Form.Version = Current.Version;
        }

        return Page();
    }
}
