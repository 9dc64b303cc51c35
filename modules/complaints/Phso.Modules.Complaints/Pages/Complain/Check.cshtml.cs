using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Complain;

/// <summary>Check your answers, then send. Anything missing or wrong is listed with a link to the question that asks it.</summary>
[AllowAnonymous]
public sealed class CheckModel(ComplaintDrafts drafts, IMediator mediator, TimeProvider clock) : PhsoPageModel
{
    public const string ReferenceKey = "ComplaintReference";
    public const string LinkKey = "ComplaintLink";

    public ComplaintAnswers Answers { get; private set; } = new();

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        await drafts.ReadSessionAsync(HttpContext.RequestAborted);
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public IReadOnlyList<(string Slug, string Field, string Message)> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (drafts.Load() is not { } draft)
        {
            TempData[QuestionPage.ExpiredFlag] = true;
            return Redirect("/complain");
        }

        Answers = await RefreshAsync(draft, cancellationToken);
        return Page();
    }

    // A partner plugin switched on or off since the organisation was chosen changes the questions to answer.
    private async Task<ComplaintAnswers> RefreshAsync(ComplaintAnswers draft, CancellationToken cancellationToken)
    {
        draft.LocalQuestions = await LocalQuestionsFor.RefreshAsync(mediator, draft, cancellationToken);
        drafts.Save(draft);
        return draft;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (drafts.Load() is not { } draft)
        {
            TempData[QuestionPage.ExpiredFlag] = true;
            return Redirect("/complain");
        }

        Answers = await RefreshAsync(draft, cancellationToken);
        Problems = ComplaintJourney.Problems(draft, CaseTime.From(clock).Today);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        SubmittedComplaint? submitted = null;
        if (!await TryAsync(async () => submitted = await mediator.Send(new SubmitComplaint(draft), cancellationToken), prefix: ""))
        {
            return Page();
        }

        drafts.Clear();
        TempData[ReferenceKey] = submitted!.Reference;
        TempData[LinkKey] = submitted.Link;
        return Redirect("/complain/confirmation");
    }
}
