using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>The preliminary checks: the engine's view of each, the decisions so far, and completing them.</summary>
[Authorize(Policy = ComplaintsPolicies.WorkCases)]
public sealed class ChecksModel(IMediator mediator) : PhsoPageModel
{
    public CaseView Case { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCase(reference), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Case = view;
        return Page();
    }
}
