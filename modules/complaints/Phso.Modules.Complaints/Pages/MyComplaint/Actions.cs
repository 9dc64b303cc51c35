using MediatR;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Complaints.Features.ComplainantLink;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Complaints.Pages.MyComplaint;

/// <summary>Send a message, with a document if wanted.</summary>
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class MessageModel(IMediator mediator, EvidenceStore store) : ComplainantPage(mediator)
{
    [BindProperty]
    public MessageForm Input { get; set; } = new();

    public IActionResult OnGet() => Case.Complaint.IsOpen ? Page() : Redirect(Home);

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Text) && upload is not { Length: > 0 })
        {
            AddError("Input.Text", "Enter a message, or choose a file to send");
            return Page();
        }

        if (upload is { Length: > 0 })
        {
            try
            {
                await using var stream = upload.OpenReadStream();
                var document = await store.SaveForCaseAsync(Case.Complaint.Id, upload.FileName, stream, Case.Complaint.ComplainantName, fromComplainant: true, cancellationToken);
                if (!await TryAsync(() => Mediator.Send(new AddComplainantDocument(Token, document), cancellationToken)))
                {
                    return Page();
                }
            }
            catch (FileRefusedException e)
            {
                AddError("Upload", e.Message);
                return Page();
            }
        }

        if (string.IsNullOrWhiteSpace(Input.Text))
        {
            SuccessMessage = "Your document has been sent.";
            return Redirect(Home);
        }

        return await SendAsync(new MessageFromComplainant(Token, Input.Text), "Your message has been sent.", cancellationToken);
    }

    public sealed class MessageForm
    {
        public string? Text { get; set; }
    }
}

public sealed class ProvisionalViewModel(IMediator mediator) : ComplainantPage(mediator)
{
    [BindProperty]
    public CommentForm Input { get; set; } = new();

    public IActionResult OnGet() => Case.Complaint.ProvisionalViewMarkdown is null ? Redirect(Home) : Page();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SendAsync(new CommentOnProvisionalView(Token, Input.Comment), "Your comments have been sent.", cancellationToken);

    public sealed class CommentForm
    {
        public string? Comment { get; set; }
    }
}

public sealed class ReviewModel(IMediator mediator) : ComplainantPage(mediator)
{
    [BindProperty]
    public ReviewForm Input { get; set; } = new();

    public static IReadOnlyList<ChoiceItem> GroundChoices { get; } =
        [.. Enum.GetValues<ReviewGrounds>().Where(g => g != ReviewGrounds.None).Select(g => new ChoiceItem(g.ToString(), g.Describe()))];

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SendAsync(new AskForReview(Token, [.. Input.Grounds], Input.Explanation), "You have asked for a review. We will tell you the outcome.", cancellationToken);

    public sealed class ReviewForm
    {
        public IList<ReviewGrounds> Grounds { get; set; } = [];
        public string? Explanation { get; set; }
    }
}

public sealed class WithdrawModel(IMediator mediator) : ComplainantPage(mediator)
{
    [BindProperty]
    public WithdrawForm Input { get; set; } = new();

    public IActionResult OnGet() => Case.CanWithdraw ? Page() : Redirect(Home);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SendAsync(new WithdrawAsComplainant(Token, Input.Reason), "Your complaint has been withdrawn.", cancellationToken);

    public sealed class WithdrawForm
    {
        public string? Reason { get; set; }
    }
}

/// <summary>One of the complainant's own documents, as a download.</summary>
public sealed class DocumentModel(IMediator mediator, EvidenceStore store) : ComplainantPage(mediator)
{
    public IActionResult OnGet(Guid id) =>
        Case.Complaint.Documents.FirstOrDefault(d => d.Id == id && d.FromComplainant) is { } document
            ? Cases.DocumentModel.Download(Response, store, document)
            : NotFound();
}
