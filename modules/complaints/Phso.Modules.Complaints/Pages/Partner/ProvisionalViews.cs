using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Features.BodyComments;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Partner;

[Authorize(Policy = ComplaintsPolicies.BodyComments)]
public sealed class ProvisionalViewsModel(IMediator mediator) : PhsoPageModel
{
    public IReadOnlyList<SharedProvisionalView> Views { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Views = await mediator.Send(new ListSharedProvisionalViews(), cancellationToken);
}

[Authorize(Policy = ComplaintsPolicies.BodyComments)]
public sealed class ProvisionalViewModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = "";

    [BindProperty]
    public CommentForm Input { get; set; } = new();

    public SharedProvisionalView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (await TryAsync(() => mediator.Send(new CommentAsOrganisation(Reference, Input.Comment), cancellationToken)))
        {
            SuccessMessage = "Your organisation's comments have been sent to the ombudsman.";
            return Redirect($"/partner/provisional-views/{Reference}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetSharedProvisionalView(Reference), cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }

    public sealed class CommentForm
    {
        public string? Comment { get; set; }
    }
}
