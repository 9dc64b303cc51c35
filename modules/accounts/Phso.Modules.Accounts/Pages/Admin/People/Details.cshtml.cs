using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Accounts.Features.FindPeople;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.Modules.Accounts.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Auditing;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Admin.People;

[Authorize(Policy = Policies.Admin)]
public sealed class DetailsModel(IMediator mediator, AuditTrailReader auditTrail) : PhsoPageModel
{
    public PersonForEditing Person { get; private set; } = default!;
    public string? LineManagerName { get; private set; }
    public string? OrganisationName { get; private set; }
    public IReadOnlyList<PersonSummary> DirectReports { get; private set; } = [];
    public IReadOnlyList<AuditTrailEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPersonForEditing(id), cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        if (person.Person.LineManagerId is { } manager)
        {
            LineManagerName = (await mediator.Send(new GetPerson(manager), cancellationToken))?.DisplayName;
        }

        if (person.Person.OrganisationId is { } organisation)
        {
            OrganisationName = (await mediator.Send(new GetOrganisation(organisation), cancellationToken))?.Name;
        }

        DirectReports = await mediator.Send(new GetDirectReports(id), cancellationToken);
        History = await auditTrail.ReadAsync(AccountsDbContext.Module, "Person", id.ToString(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new ResendInvitation(id), cancellationToken), prefix: ""))
        {
            SuccessMessage = "A new invitation has been sent. Earlier links no longer work.";
            return Redirect($"/admin/people/{id}");
        }

        return await OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new ReactivatePerson(id, version), cancellationToken), prefix: ""))
        {
            SuccessMessage = "The account is active again.";
            return Redirect($"/admin/people/{id}");
        }

        return await OnGetAsync(id, cancellationToken);
    }
}
