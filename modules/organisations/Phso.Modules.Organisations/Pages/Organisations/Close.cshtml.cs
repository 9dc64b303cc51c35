using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Organisations.Pages.Organisations;

[Authorize(Policy = Policies.Admin)]
public sealed class CloseModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty]
    public ClosureForm Input { get; set; } = new();

    public OrganisationSummary Organisation { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(id), cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        Input.Version = organisation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(id), cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        if (ModelState.IsValid && await TryAsync(() => mediator.Send(new CloseOrganisation(id, Input.Version, Input.Reason ?? ""), cancellationToken), "Input"))
        {
            SuccessMessage = $"{organisation.Name} is recorded as closed.";
            return Redirect($"/organisations/{id}");
        }

        return Page();
    }

    public sealed class ClosureForm
    {
        public string? Reason { get; set; }
        public int Version { get; set; }
    }
}
