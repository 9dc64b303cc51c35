using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Features.LocalStandards;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>An organisation's own complaint standard and how often, across its cases, it met its deadlines.</summary>
[Authorize(Policy = ComplaintsPolicies.ReadCasework)]
public sealed class LocalStandardModel(IMediator mediator) : PhsoPageModel
{
    public OrganisationStandardRecord Record { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetLocalStandardRecord(organisationId), cancellationToken) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        return Page();
    }
}
