using FluentValidation;
using MediatR;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Changes the draft's title, summary and duration.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record EditCourseDetails(Guid CourseId, int Version, string? Title, string? Summary, decimal? Hours) : ICommand;

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

internal sealed class EditCourseDetailsHandler(ICurrentUser me, TimeProvider clock, DraftEditing drafts) : IRequestHandler<EditCourseDetails, Unit>
{
    public async Task<Unit> Handle(EditCourseDetails request, CancellationToken cancellationToken)
    {
        var course = await drafts.FindAsync(request.CourseId, request.Version, cancellationToken);
        var draft = DraftEditing.DraftOf(course);
        course.SaveDraft(draft with { Title = request.Title!.Trim(), Summary = request.Summary?.Trim() ?? "", Hours = request.Hours!.Value }, me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }
}
