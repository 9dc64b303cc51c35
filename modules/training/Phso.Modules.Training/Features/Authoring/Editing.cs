using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

// Writing a course on its page: start a draft from the published version, change its details, edit or add lessons.
// The quiz, completion rules and images come with a package (see the module README). Every change is to the draft;
// learners see it only when it is published, and those part-way through keep the version they started.

/// <summary>Starts a draft from the published version, to change it on the course page.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record StartDraft(Guid CourseId, int Version) : ICommand<int>;

/// <summary>Changes the draft's title, summary and duration.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record EditCourseDetails(Guid CourseId, int Version, string? Title, string? Summary, decimal? Hours) : ICommand;

/// <summary>Changes a lesson of the draft; its key stays, so learners' progress on it carries over.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record EditLesson(Guid CourseId, int Version, string LessonKey, string? Title, string? Markdown) : ICommand;

/// <summary>Adds a lesson at the end of one of the draft's sections.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record AddLesson(Guid CourseId, int Version, int Section, string? Key, string? Title, string? Markdown) : ICommand;

/// <summary>Checks a lesson's Markdown against the draft's images and renders nothing: for the editor's preview.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record CheckLessonText(Guid CourseId, string? Markdown) : IQuery<IReadOnlyList<string>>;

internal sealed class EditCourseDetailsValidator : AbstractValidator<EditCourseDetails>
{
    public EditCourseDetailsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("Enter the course title").MaximumLength(200).WithMessage("The title must be 200 characters or fewer");
        RuleFor(c => c.Summary).MaximumLength(2000).WithMessage("The summary must be 2,000 characters or fewer");
        RuleFor(c => c.Hours).NotNull().WithMessage("Enter how long the course takes, in hours")
            .Must(h => h is > 0 and <= 100).WithMessage("The duration must be more than 0 and at most 100 hours");
    }
}

internal sealed class EditLessonValidator : AbstractValidator<EditLesson>
{
    public EditLessonValidator() => LessonRules.Apply(this, c => c.Title, c => c.Markdown);
}

internal sealed class AddLessonValidator : AbstractValidator<AddLesson>
{
    public AddLessonValidator()
    {
        RuleFor(c => c.Key).NotEmpty().WithMessage("Enter a key for the lesson, for example \"data-protection\"")
            .MaximumLength(100).WithMessage("The key must be 100 characters or fewer")
            .Must(k => k is null || k.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            .WithMessage("The key may use only lower-case letters, digits and hyphens");
        LessonRules.Apply(this, c => c.Title, c => c.Markdown);
    }
}

internal static class LessonRules
{
    public const int MaxMarkdown = 50_000;

    public static void Apply<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> title, System.Linq.Expressions.Expression<Func<T, string?>> markdown)
    {
        validator.RuleFor(title).NotEmpty().WithMessage("Enter the lesson's title").MaximumLength(200).WithMessage("The title must be 200 characters or fewer");
        validator.RuleFor(markdown).NotEmpty().WithMessage("Write the lesson")
            .MaximumLength(MaxMarkdown).WithMessage("The lesson must be 50,000 characters or fewer: split it into two lessons");
    }

    /// <summary>The lesson's text as it will be kept, or every problem with its line, under the Markdown field.</summary>
    public static string Checked(string markdown, CourseContent content)
    {
        var check = LessonMarkdown.Check(markdown, "lessons/lesson.md", content.Images.Select(i => i.Name).ToHashSet(StringComparer.Ordinal));
        return check.Problems.Count == 0
            ? check.Markdown
            : throw new RequestValidationException(new Dictionary<string, string[]> { ["Markdown"] = [.. check.Problems.Select(p => $"Line {p.Line}: {p.Message}")] });
    }
}

internal sealed class EditingHandlers(TrainingDbContext db, ICurrentUser me, TimeProvider clock)
    : IRequestHandler<StartDraft, int>, IRequestHandler<EditCourseDetails, Unit>, IRequestHandler<EditLesson, Unit>, IRequestHandler<AddLesson, Unit>,
        IRequestHandler<CheckLessonText, IReadOnlyList<string>>
{
    public async Task<int> Handle(StartDraft request, CancellationToken cancellationToken)
    {
        var course = await FindAsync(request.CourseId, request.Version, cancellationToken);
        if (course.Draft is not null)
        {
            throw new RuleViolationException("This course already has a draft: change that one.");
        }

        var published = course.Published ?? throw new RuleViolationException("There is nothing published to start from: import a package.");
        course.SaveDraft(published.Content, me.DisplayName, clock.GetUtcNow());
        return course.Draft!.Number;
    }

    public async Task<Unit> Handle(EditCourseDetails request, CancellationToken cancellationToken)
    {
        var course = await FindAsync(request.CourseId, request.Version, cancellationToken);
        var draft = DraftOf(course);
        course.SaveDraft(draft with { Title = request.Title!.Trim(), Summary = request.Summary?.Trim() ?? "", Hours = request.Hours!.Value }, me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }

    public async Task<Unit> Handle(EditLesson request, CancellationToken cancellationToken)
    {
        var course = await FindAsync(request.CourseId, request.Version, cancellationToken);
        var draft = DraftOf(course);
        if (!draft.Lessons.Any(l => l.Key == request.LessonKey))
        {
            throw new NotFoundException("The draft has no such lesson.");
        }

        var markdown = LessonRules.Checked(request.Markdown!, draft);
        var sections = draft.Sections.Select(s => s with
        {
            Lessons = [.. s.Lessons.Select(l => l.Key == request.LessonKey ? l with { Title = request.Title!.Trim(), Markdown = markdown } : l)],
        }).ToList();
        course.SaveDraft(draft with { Sections = sections }, me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }

    public async Task<Unit> Handle(AddLesson request, CancellationToken cancellationToken)
    {
        var course = await FindAsync(request.CourseId, request.Version, cancellationToken);
        var draft = DraftOf(course);
        if (request.Section < 0 || request.Section >= draft.Sections.Count)
        {
            throw new NotFoundException("The draft has no such section.");
        }

        if (draft.Lessons.Any(l => l.Key == request.Key))
        {
            throw RequestValidationException.For("Key", $"A lesson already has the key \"{request.Key}\": choose another");
        }

        var markdown = LessonRules.Checked(request.Markdown!, draft);
        var sections = draft.Sections.Select((s, i) => i == request.Section ? s with { Lessons = [.. s.Lessons, new Lesson(request.Key!, request.Title!.Trim(), markdown)] } : s).ToList();
        course.SaveDraft(draft with { Sections = sections }, me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }

    public async Task<IReadOnlyList<string>> Handle(CheckLessonText request, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Include(c => c.Versions).AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken)
            ?? throw new NotFoundException("There is no such course.");
        var content = (course.Draft ?? course.Published)?.Content ?? throw new NotFoundException("The course has no content yet.");
        var check = LessonMarkdown.Check(request.Markdown ?? "", "lessons/lesson.md", content.Images.Select(i => i.Name).ToHashSet(StringComparer.Ordinal));
        return [.. check.Problems.Select(p => $"Line {p.Line}: {p.Message}")];
    }

    private static CourseContent DraftOf(Course course) =>
        course.Draft?.Content ?? throw new RuleViolationException("There is no draft to change: start one from the published version first.");

    private async Task<Course> FindAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("There is no such course.");
        db.ExpectVersion(course, version);

        // The content lives in the version rows: mark the course changed too, so that its version number moves on and an
        // edit made from a page read before someone else's edit is refused rather than silently overwriting it.
        db.Entry(course).Property(c => c.Version).IsModified = true;
        return course;
    }
}
