using FluentValidation;
using MediatR;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Changes a lesson of the draft; its key stays, so learners' progress on it carries over.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record EditLesson(Guid CourseId, int Version, string LessonKey, string? Title, string? Markdown) : ICommand;

internal sealed class EditLessonValidator : AbstractValidator<EditLesson>
{
    public EditLessonValidator() => LessonRules.Apply(this, c => c.Title, c => c.Markdown);
}

internal sealed class EditLessonHandler(ICurrentUser me, TimeProvider clock, DraftEditing drafts) : IRequestHandler<EditLesson, Unit>
{
    public async Task<Unit> Handle(EditLesson request, CancellationToken cancellationToken)
    {
        var course = await drafts.FindAsync(request.CourseId, request.Version, cancellationToken);
        var draft = DraftEditing.DraftOf(course);
        if (!draft.Lessons.Any(l => l.Key == request.LessonKey))
        {
            throw new NotFoundException("The draft has no such lesson.");
        }

        var markdown = LessonRules.Checked<EditLesson>(request.Markdown!, draft, r => r.Markdown);
        var sections = draft.Sections.Select(s => s with
        {
            Lessons = [.. s.Lessons.Select(l => l.Key == request.LessonKey ? l with { Title = request.Title!.Trim(), Markdown = markdown } : l)],
        }).ToList();
        course.SaveDraft(draft with { Sections = sections }, me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }
}
