using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Sample.Contracts;
using Phso.Modules.Sample.Features.RecordNote;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Sample.Pages.Sample;

/// <summary>The newest notes, and the form to record one. A refusal comes back on the field, keeping what was typed.</summary>
[Authorize(Policy = Policies.StaffOnly)]
public sealed class IndexModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty]
    public NoteForm Input { get; set; } = new();

    public IReadOnlyList<SampleNoteSummary> Notes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notes = await mediator.Send(new ListSampleNotes(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => mediator.Send(new RecordSampleNote(Input.Text ?? ""), cancellationToken), "Input"))
        {
            SuccessMessage = "The note has been recorded.";
            return Redirect("/sample");
        }

        Notes = await mediator.Send(new ListSampleNotes(), cancellationToken);
        return Page();
    }

    public sealed class NoteForm
    {
        public string? Text { get; set; }
    }
}
