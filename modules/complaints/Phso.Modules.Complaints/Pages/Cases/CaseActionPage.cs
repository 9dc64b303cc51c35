using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>
/// An action a caseworker takes on a case, one per page (GOV.UK pattern). The page shows the case's header and the
/// person's reasonable adjustments, carries the version the caseworker read, and on a conflict keeps what they typed,
/// shows what changed, and lets them send again knowingly.
/// </summary>
[Authorize(Policy = ComplaintsPolicies.WorkCases)]
public abstract class CaseActionPage(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = "";

    [BindProperty]
    public int Version { get; set; }

    public CaseView Case { get; private set; } = default!;

    protected IMediator Mediator => mediator;

    public abstract string Title { get; }

    /// <summary>The confirmation shown on the case page afterwards.</summary>
    protected abstract string Done { get; }

    protected abstract IRequest<Unit> Command();

    /// <summary>Fills the form's initial values from the case.</summary>
    protected virtual void Prepare()
    {
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Version = Case.Complaint.Version;
        Prepare();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid && await TryAsync(() => mediator.Send(Command(), cancellationToken)))
        {
            SuccessMessage = Done;
            return Redirect($"/cases/{Reference}");
        }

        if (ConcurrencyConflict)
        {
            ModelState.Remove(nameof(Version));
            Version = Case.Complaint.Version;
        }

        return Page();
    }

    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCase(Reference), cancellationToken) is not { } view)
        {
            return false;
        }

        Case = view;
        return true;
    }
}
