using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Complaints.Pages.Complain;

/// <summary>Optional evidence: upload one file at a time (PDF or image, checked by content), see the list, remove one.</summary>
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class EvidenceModel(ComplaintDrafts drafts, TimeProvider clock, EvidenceStore store, IOptions<ComplaintsOptions> options) : QuestionPage(drafts, clock)
{
    protected override string Slug => "evidence";

    public int MaxFiles => options.Value.MaxEvidenceFiles;

    public long MaxMegabytes => store.MaxBytes / (1024 * 1024);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (LoadDraft() is not { } draft)
        {
            return Expired();
        }

        Answers = draft;
        if (upload is null || upload.Length == 0)
        {
            AddError("Upload", "Select a file to upload");
            return Page();
        }

        if (draft.Evidence.Count >= MaxFiles)
        {
            AddError("Upload", $"You can add up to {MaxFiles} files. Remove one to add another");
            return Page();
        }

        try
        {
            await using var stream = upload.OpenReadStream();
            draft.Evidence.Add(await store.SaveDraftAsync(draft.DraftId, upload.FileName, stream, cancellationToken));
        }
        catch (FileRefusedException e)
        {
            AddError("Upload", e.Message);
            return Page();
        }

        Drafts.Save(draft);
        SuccessMessage = $"{EvidenceStore.CleanName(upload.FileName)} has been added.";
        return Redirect(FormAction);
    }

    public IActionResult OnPostRemove(Guid id)
    {
        if (LoadDraft() is not { } draft)
        {
            return Expired();
        }

        if (draft.Evidence.Find(f => f.Id == id) is { } file)
        {
            draft.Evidence.Remove(file);
            store.DeleteDraftFile(draft.DraftId, id);
            Drafts.Save(draft);
            SuccessMessage = $"{file.FileName} has been removed.";
        }

        return Redirect(FormAction);
    }
}
