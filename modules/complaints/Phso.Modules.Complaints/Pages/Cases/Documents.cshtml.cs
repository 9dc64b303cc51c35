using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>Adds a document to a case (PDF or image, checked by content).</summary>
[Authorize(Policy = ComplaintsPolicies.WorkCases)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class NewDocumentModel(IMediator mediator, EvidenceStore store, ICurrentUser me) : PhsoPageModel
{
    public CaseView Case { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken) =>
        await mediator.Send(new GetCase(reference), cancellationToken) is { } view ? Show(view) : NotFound();

    public async Task<IActionResult> OnPostAsync(string reference, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCase(reference), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Case = view;
        if (upload is null || upload.Length == 0)
        {
            AddError("Upload", "Select a file to upload");
            return Page();
        }

        CaseDocument document;
        try
        {
            await using var stream = upload.OpenReadStream();
            document = await store.SaveForCaseAsync(view.Complaint.Id, upload.FileName, stream, me.DisplayName, fromComplainant: false, cancellationToken);
        }
        catch (FileRefusedException e)
        {
            AddError("Upload", e.Message);
            return Page();
        }

        await mediator.Send(new AddCaseDocument(reference, document), cancellationToken);
        SuccessMessage = $"{document.FileName} has been added.";
        return Redirect($"/cases/{reference}");
    }

    private PageResult Show(CaseView view)
    {
        Case = view;
        return Page();
    }
}

/// <summary>A case document, only ever as a download: never shown inline, never sniffed, sandboxed.</summary>
[Authorize(Policy = ComplaintsPolicies.ReadCasework)]
public sealed class DocumentModel(IMediator mediator, EvidenceStore store) : PhsoPageModel
{
    public async Task<IActionResult> OnGetAsync(string reference, Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCaseDocument(reference, id), cancellationToken) is not { } document)
        {
            return NotFound();
        }

        return Download(Response, store, document);
    }

    public static FileStreamResult Download(HttpResponse response, EvidenceStore store, CaseDocument document)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(document);
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers.CacheControl = "private, no-store";
        var result = new FileStreamResult(store!.Open(document), document.ContentType) { FileDownloadName = document.FileName };
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return result;
    }
}
