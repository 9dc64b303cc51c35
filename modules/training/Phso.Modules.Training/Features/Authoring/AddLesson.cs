using FluentValidation;
using MediatR;
using Phso.Modules.Training.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Adds a lesson at the end of one of the draft's sections.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record AddLesson(Guid CourseId, int Version, int Section, string? Key, string? Title, string? Markdown) : ICommand;

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

internal sealed class AddLessonHandler(ICurrentUser me, TimeProvider clock, DraftEditing drafts) : IRequestHandler<AddLesson, Unit>
{
    public async Task<Unit> Handle(AddLesson request, CancellationToken cancellationToken)
    {
        var course = await drafts.FindAsync(request.CourseId, request.Version, cancellationToken);
        var draft = DraftEditing.DraftOf(course);
        if (request.Section < 0 || request.Section >= draft.Sections.Count)
        {
            throw new NotFoundException("The draft has no such section.");
        }

        if (draft.Lessons.Any(l => l.Key == request.Key))
        {
            throw RequestValidationException.For<AddLesson>(r => r.Key, $"A lesson already has the key \"{request.Key}\": choose another");
        }

        var markdown = LessonRules.Checked<AddLesson>(request.Markdown!, draft, r => r.Markdown);
        var sections = draft.Sections.Select((s, i) => i == request.Section ? s with { Lessons = [.. s.Lessons, new Lesson(request.Key!, request.Title!.Trim(), markdown)] } : s).ToList();
        course.SaveDraft(draft with { Sections = sections }, me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }
}
