using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Organisations.Persistence;
using Phso.SharedKernel.Auditing;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Organisations.Pages.Organisations;

[Authorize(Policy = Policies.StaffOnly)]
public sealed class DetailsModel(IMediator mediator, AuditTrailReader auditTrail) : PhsoPageModel
{
    public OrganisationSummary Organisation { get; private set; } = default!;

    public IReadOnlyList<AuditTrailEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(id), cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        History = await auditTrail.ReadAsync(OrganisationsDbContext.Module, "Organisation", id.ToString(), cancellationToken);
        return Page();
    }
}
