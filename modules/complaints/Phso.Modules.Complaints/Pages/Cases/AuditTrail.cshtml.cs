using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.SharedKernel.Auditing;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>Every change to a case, who made it and when: a page of its own, linked from the case page, so that the
/// case page does not read and lay out a history of hundreds of entries on every view (it was a third of its time).</summary>
[Authorize(Policy = ComplaintsPolicies.ReadCasework)]
public sealed class AuditTrailModel(IMediator mediator, AuditTrailReader auditTrail) : PhsoPageModel
{
    public CaseView Case { get; private set; } = default!;

    public IReadOnlyList<AuditTrailEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCase(reference), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Case = view;
        History = await auditTrail.ReadAsync("complaints", "Complaint", view.Complaint.Id.ToString(), cancellationToken);
        return Page();
    }
}
