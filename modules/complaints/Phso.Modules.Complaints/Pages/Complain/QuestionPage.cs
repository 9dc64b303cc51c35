using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Complain;

/// <summary>
/// A question of the public complaint form. It loads the answers from the session, copies only its own answers from
/// the post, saves them whether or not they are valid (nothing typed is lost), and goes to the next page that applies
/// (or back to "check your answers" after a change, unless the change opened a question still to answer).
/// </summary>
[AllowAnonymous]
public abstract class QuestionPage(ComplaintDrafts drafts, TimeProvider clock) : PhsoPageModel
{
    public const string ExpiredFlag = "ComplaintAnswersExpired";

    [BindProperty]
    public ComplaintAnswers Answers { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Change { get; set; }

    protected abstract string Slug { get; }

    public JourneyPage Question => ComplaintJourney.Find(Slug);

    public string BackLink => Change ? "/complain/check" : ComplaintJourney.Previous(Slug, Answers) is { } previous ? $"/complain/{previous}" : "/complain";

    public string FormAction => $"/complain/{Slug}{(Change ? "?change=true" : "")}";

    protected DateOnly Today => CaseTime.From(clock).Today;

    protected ComplaintDrafts Drafts => drafts;

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        await drafts.ReadSessionAsync(HttpContext.RequestAborted);
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public virtual Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => Task.FromResult(ShowQuestion());

    public virtual Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => Task.FromResult(SaveAnswers());

    protected IActionResult ShowQuestion()
    {
        if (LoadDraft() is not { } draft)
        {
            return Expired();
        }

        Answers = draft;
        return Question.Applies(draft) ? Page() : Redirect(NextUrl(draft));
    }

    protected IActionResult SaveAnswers()
    {
        if (LoadDraft() is not { } draft)
        {
            return Expired();
        }

        Question.Copy(Answers, draft);
        Answers = draft;
        foreach (var (field, message) in Question.Validate(draft, Today))
        {
            AddError($"Answers.{field}", message);
        }

        drafts.Save(draft);
        return ModelState.IsValid ? Redirect(NextUrl(draft)) : Page();
    }

    protected ComplaintAnswers? LoadDraft() => drafts.Load() ?? (Slug == "who" ? new ComplaintAnswers() : null);

    protected string NextUrl(ComplaintAnswers draft) => Change
        ? ComplaintJourney.FirstIncomplete(draft, Today) is { } missing ? $"/complain/{missing}?change=true" : "/complain/check"
        : $"/complain/{ComplaintJourney.Next(Slug, draft)}";

    protected IActionResult Expired()
    {
        TempData[ExpiredFlag] = true;
        return Redirect("/complain");
    }
}
