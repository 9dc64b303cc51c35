using MediatR;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Learning;

/// <summary>Marks a quiz attempt; returns its number.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record SubmitQuiz(Guid CourseId, IReadOnlyDictionary<string, Answer> Answers) : ICommand<int>;

internal sealed class SubmitQuizHandler(LearnerRecords learner, TimeProvider clock) : IRequestHandler<SubmitQuiz, int>
{
    public async Task<int> Handle(SubmitQuiz request, CancellationToken cancellationToken)
    {
        var (record, course, content, previousExpiry) = await learner.LoadAsync(request.CourseId, cancellationToken);
        var wasFinished = record.IsFinished;
        var attempt = record.SubmitAttempt(request.Answers, content, clock.GetUtcNow(), course.Recurrence, learner.Today, previousExpiry);
        await learner.AfterChangeAsync(record, course, content, wasFinished, cancellationToken);
        return attempt.Number;
    }
}
