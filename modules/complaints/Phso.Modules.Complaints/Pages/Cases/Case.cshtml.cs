using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Features.LocalStandards;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>The case page: the complaint, the checks, the clocks, what was decided, the documents, the whole timeline,
/// a link to the audit trail, and the actions allowed at the current stage.</summary>
[Authorize(Policy = ComplaintsPolicies.ReadCasework)]
public sealed class CaseModel(IMediator mediator) : PhsoPageModel
{
    public CaseView Case { get; private set; } = default!;

    public bool CanWork => User.IsInRole(Roles.Caseworker);

    /// <summary>The organisation's own complaint standard(s), from partner plugins, measured against this case's dates.</summary>
    public IReadOnlyList<LocalStandardReport> LocalStandards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCase(reference), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Case = view;
        LocalStandards = await mediator.Send(new GetLocalStandards(view.Complaint.BodyName, MilestoneDates.Of(view.Complaint), MilestoneDates.AnswersOf(view.Complaint)), cancellationToken);
        return Page();
    }
}
