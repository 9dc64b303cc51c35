using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.Learning;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Training.Pages.Learning;

[Authorize(Policy = TrainingPolicies.Learn)]
public sealed class IndexModel(IMediator mediator) : PhsoPageModel
{
    public MyLearning Learning { get; private set; } = new([], [], 0, [], 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Learning = await mediator.Send(new GetMyLearning(), cancellationToken);
}

[Authorize(Policy = TrainingPolicies.Learn)]
public sealed class CatalogueModel(IMediator mediator) : PhsoPageModel
{
    public IReadOnlyList<CatalogueEntry> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Courses = await mediator.Send(new GetCatalogue(), cancellationToken);
}

/// <summary>A course's overview: what it covers, progress, and the way in (enrol, start, continue).</summary>
[Authorize(Policy = TrainingPolicies.Learn)]
public sealed class CourseModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public LearnerCourse Course { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new GetLearnerCourse(Id), cancellationToken) is { } course ? Show(course) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetLearnerCourse(Id), cancellationToken) is not { } course)
        {
            return NotFound();
        }

        if (!await TryAsync(() => mediator.Send(new Enrol(Id), cancellationToken)))
        {
            return Show(course);
        }

        var first = course.Content.Lessons.First();
        return Redirect($"/learning/courses/{Id}/lessons/{first.Key}");
    }

    private PageResult Show(LearnerCourse course)
    {
        Course = course;
        return Page();
    }
}

/// <summary>A lesson. Opening it changes nothing; "Mark as read and continue" (a POST) records that it was read,
/// which may complete the course, and goes on to the next lesson, the quiz, or the course's page.</summary>
[Authorize(Policy = TrainingPolicies.Learn)]
public sealed class LessonModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    public LearnerCourse Course { get; private set; } = default!;

    public Lesson Lesson { get; private set; } = default!;

    public Lesson? Previous { get; private set; }

    public Lesson? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } notHere)
        {
            return notHere;
        }

        var wasFinished = Course.Record!.IsFinished;
        if (!await TryAsync(() => mediator.Send(new ViewLesson(Id, Key), cancellationToken), prefix: ""))
        {
            return Page();
        }

        var after = (await mediator.Send(new GetLearnerCourse(Id), cancellationToken))!;
        if (!wasFinished && after.Record!.Status == EnrolmentStatus.Completed)
        {
            SuccessMessage = "You have completed this course.";
            return Redirect($"/learning/courses/{Id}");
        }

        return Redirect(Next is { } next ? $"/learning/courses/{Id}/lessons/{next.Key}"
            : after.QuizIsNext ? $"/learning/courses/{Id}/quiz"
            : $"/learning/courses/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetLearnerCourse(Id), cancellationToken) is not { } course)
        {
            return NotFound();
        }

        if (!course.IsEnrolled)
        {
            return Redirect($"/learning/courses/{Id}");
        }

        var lessons = course.Content.Lessons.ToList();
        var index = lessons.FindIndex(l => l.Key == Key);
        if (index < 0)
        {
            return NotFound();
        }

        Course = course;
        Lesson = lessons[index];
        Previous = index > 0 ? lessons[index - 1] : null;
        Next = index < lessons.Count - 1 ? lessons[index + 1] : null;
        return null;
    }
}

/// <summary>The quiz: every question on one page; an unanswered question is pointed out and the answers given are kept.</summary>
[Authorize(Policy = TrainingPolicies.Learn)]
public sealed class QuizModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public LearnerCourse Course { get; private set; } = default!;

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyDictionary<string, Answer> Given { get; private set; } = new Dictionary<string, Answer>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } notHere)
        {
            return notHere;
        }

        var answers = QuizForm.Read(Request.Form, Questions);
        Given = answers;
        foreach (var (question, position) in Questions.Select((q, i) => (q, i + 1)))
        {
            if (!answers.ContainsKey(question.Key))
            {
                AddError(QuizForm.FieldId(question), $"Answer question {position}");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var number = 0;
        if (!await TryAsync(async () => number = await mediator.Send(new SubmitQuiz(Id, answers), cancellationToken), prefix: ""))
        {
            return Page();
        }

        return Redirect($"/learning/courses/{Id}/quiz/attempts/{number}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetLearnerCourse(Id), cancellationToken) is not { Content.Quiz: { } quiz } course)
        {
            return NotFound();
        }

        if (!course.IsEnrolled)
        {
            return Redirect($"/learning/courses/{Id}");
        }

        Course = course;
        var attempt = course.Record!.Attempts.Count + 1;
        Questions = quiz.AsAsked(course.Record.Id, attempt);
        return null;
    }
}

[Authorize(Policy = TrainingPolicies.Learn)]
public sealed class AttemptModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    public AttemptResult Result { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetAttempt(Id, Number), cancellationToken) is not { } result)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }
}

/// <summary>An image a lesson shows. Its address is its hash, so it never changes and the browser may keep it.</summary>
[Authorize(Policy = TrainingPolicies.Learn)]
public sealed class ImageModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Sha256 { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Features.CourseImages.GetCourseImage(Sha256), cancellationToken) is not { } image)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return File(image.Content, image.ContentType);
    }
}
