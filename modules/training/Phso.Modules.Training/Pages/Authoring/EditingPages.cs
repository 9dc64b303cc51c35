using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.Authoring;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Training.Pages.Authoring;

/// <summary>The draft's title, summary and duration.</summary>
[Authorize(Policy = TrainingPolicies.Author)]
public sealed class DraftDetailsModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DetailsInput Input { get; set; } = new();

    public Course Course { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await DraftAsync(mediator, Id, cancellationToken) is not { } course)
        {
            return NotFound();
        }

        Course = course;
        var draft = course.Draft!.Content;
        Input = new DetailsInput { Version = course.Version, Title = draft.Title, Summary = draft.Summary, Hours = draft.Hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await DraftAsync(mediator, Id, cancellationToken) is not { } course)
        {
            return NotFound();
        }

        Course = course;
        decimal? hours = decimal.TryParse(Input.Hours, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        if (!string.IsNullOrWhiteSpace(Input.Hours) && hours is null)
        {
            AddError("Input.Hours", "Enter the duration as a number of hours, for example 1.5");
            return Page();
        }

        if (!await TryAsync(() => mediator.Send(new EditCourseDetails(Id, Input.Version, Input.Title, Input.Summary, hours), cancellationToken)))
        {
            return Page();
        }

        SuccessMessage = "The draft's details have been saved.";
        return Redirect($"/training/courses/{Id}");
    }

    internal static async Task<Course?> DraftAsync(IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetCourseForAuthor(id), cancellationToken) is { Course: { Draft: not null, IsRetired: false } course } ? course : null;

    public sealed class DetailsInput
    {
        public int Version { get; set; }

        public string? Title { get; set; }

        public string? Summary { get; set; }

        public string? Hours { get; set; }
    }
}

/// <summary>Writes a lesson of the draft in Markdown, with a preview that saves nothing.</summary>
[Authorize(Policy = TrainingPolicies.Author)]
public sealed class DraftLessonModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The lesson's key; null when adding a lesson.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    /// <summary>The section a new lesson goes at the end of.</summary>
    [BindProperty(SupportsGet = true)]
    public int Section { get; set; }

    [BindProperty]
    public LessonInput Input { get; set; } = new();

    public Course Course { get; private set; } = default!;

    public bool IsNew => Key is null;

    /// <summary>Set when the author asked to preview: the text as learners would see it.</summary>
    public string? Preview { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        var lesson = Course.Draft!.Content.Lessons.SingleOrDefault(l => l.Key == Key);
        Input = new LessonInput { Version = Course.Version, Title = lesson?.Title, Markdown = lesson?.Markdown };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        if (action == "preview")
        {
            Problems = await mediator.Send(new CheckLessonText(Id, Input.Markdown), cancellationToken);
            Preview = Input.Markdown ?? "";
            return Page();
        }

        SharedKernel.Messaging.ICommand command = IsNew
            ? new AddLesson(Id, Input.Version, Section, Input.Key?.Trim(), Input.Title, Input.Markdown)
            : new EditLesson(Id, Input.Version, Key!, Input.Title, Input.Markdown);
        if (!await TryAsync(() => mediator.Send(command, cancellationToken)))
        {
            Problems = ModelState.TryGetValue("Input.Markdown", out var state) && state.Errors.Count > 1 ? [.. state.Errors.Select(e => e.ErrorMessage)] : [];
            return Page();
        }

        SuccessMessage = IsNew ? $"The lesson \"{Input.Title?.Trim()}\" has been added to the draft." : $"The lesson \"{Input.Title?.Trim()}\" has been saved in the draft.";
        return Redirect($"/training/courses/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await DraftDetailsModel.DraftAsync(mediator, Id, cancellationToken) is not { } course)
        {
            return NotFound();
        }

        var draft = course.Draft!.Content;
        if (IsNew ? Section < 0 || Section >= draft.Sections.Count : !draft.Lessons.Any(l => l.Key == Key))
        {
            return NotFound();
        }

        Course = course;
        return null;
    }

    public sealed class LessonInput
    {
        public int Version { get; set; }

        public string? Key { get; set; }

        public string? Title { get; set; }

        public string? Markdown { get; set; }
    }
}
