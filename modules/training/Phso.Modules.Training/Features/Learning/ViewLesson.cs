using MediatR;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Learning;

/// <summary>Records that the signed-in person has read a lesson (they say so on the lesson's page); it may complete the course.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record ViewLesson(Guid CourseId, string LessonKey) : ICommand;

internal sealed class ViewLessonHandler(LearnerRecords learner, TimeProvider clock) : IRequestHandler<ViewLesson, Unit>
{
    public async Task<Unit> Handle(ViewLesson request, CancellationToken cancellationToken)
    {
        var (record, course, content, previousExpiry) = await learner.LoadAsync(request.CourseId, cancellationToken);
        var wasFinished = record.IsFinished;
        record.ViewLesson(request.LessonKey, content, clock.GetUtcNow(), course.Recurrence, learner.Today, previousExpiry);
        await learner.AfterChangeAsync(record, course, content, wasFinished, cancellationToken);
        return Unit.Value;
    }
}
