using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(IMediator mediator, ICurrentUser currentUser) : PhsoPageModel
{
    public PersonSummary Me { get; private set; } = default!;
    public string? LineManagerName { get; private set; }
    public string? OrganisationName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPerson(currentUser.Id!.Value), cancellationToken) is not { } me)
        {
            return NotFound();
        }

        Me = me;
        if (me.LineManagerId is { } manager)
        {
            LineManagerName = (await mediator.Send(new GetPerson(manager), cancellationToken))?.DisplayName;
        }

        if (me.OrganisationId is { } organisation)
        {
            OrganisationName = (await mediator.Send(new GetOrganisation(organisation), cancellationToken))?.Name;
        }

        return Page();
    }
}
