using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.Modules.Training.Contracts;

namespace Phso.Modules.Recommendations.Features.TrainingEvidence;

/// <summary>A staff training recommendation that names a course: once every handler named has completed it, their
/// completions are sent as its evidence, and the caseworker checks them as any other evidence. Only where the body
/// owes evidence and has not been asked for more (after "more evidence, please", the body answers for itself).</summary>
internal sealed class TrainingEvidenceSender(RecommendationServices services, IMediator mediator)
{
    private static readonly RecommendationStatus[] Awaiting =
        [RecommendationStatus.Accepted, RecommendationStatus.AlternativeAgreed, RecommendationStatus.Overdue];

    public static IReadOnlyList<RecommendationStatus> AwaitingEvidence => Awaiting;

    /// <summary>Sends the completions as evidence if they are all in; true when it did.</summary>
    public async Task<bool> SendIfAllCompletedAsync(Recommendation recommendation, CancellationToken cancellationToken)
    {
        if (recommendation.TrainingCourseId is not { } course || !Awaiting.Contains(recommendation.Status))
        {
            return false;
        }

        var progress = await mediator.Send(new GetTrainingProgress(course, recommendation.TraineeIds, recommendation.DueOn), cancellationToken);
        if (progress is not { AllCompleted: true })
        {
            return false;
        }

        var from = recommendation.Status;
        var lastOn = progress.People.Max(p => p.CompletedOn)!.Value;
        var names = string.Join(", ", progress.People.Select(p => $"{p.Name} ({p.CompletedOn:d MMMM yyyy})"));
        recommendation.SendEvidence(new Actor(null, "System (training records)"), services.Now, services.Today,
            $"All {progress.People.Count} handlers named have completed {progress.CourseTitle}, the last on {lastOn:d MMMM yyyy}: {names}.", []);
        services.StatusChanged(recommendation, from);
        services.Notify(recommendation.CaseworkerId, $"Case {recommendation.CaseReference}: training completed, evidence to check",
            $"Every handler {recommendation.BodyName} was asked to train has completed {progress.CourseTitle}. Check the records and accept the evidence or ask for more.",
            RecommendationServices.StaffLink(recommendation));
        return true;
    }
}

/// <summary>Listens to the training module: a completion may be the last one a recommendation was waiting for.</summary>
internal sealed class SendTrainingEvidenceOnCompletion(RecommendationServices services, TrainingEvidenceSender sender) : INotificationHandler<CourseCompleted>
{
    public async Task Handle(CourseCompleted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var awaiting = TrainingEvidenceSender.AwaitingEvidence;
        // Few recommendations name any one course and wait on it; the trainee lists are read whole and checked here.
        var waiting = await services.Db.Recommendations.Include(r => r.Steps).Include(r => r.Files).AsSplitQuery()
            .Where(r => r.TrainingCourseId == notification.CourseId && awaiting.Contains(r.Status))
            .ToListAsync(cancellationToken);
        foreach (var recommendation in waiting.Where(r => r.TraineeIds.Contains(notification.PersonId)))
        {
            await sender.SendIfAllCompletedAsync(recommendation, cancellationToken);
        }
    }
}

/// <summary>A body that accepts (or agrees an alternative) after its handlers have all completed the course already:
/// the completions are its evidence straight away.</summary>
internal sealed class SendTrainingEvidenceOnAcceptance(RecommendationServices services, TrainingEvidenceSender sender) : INotificationHandler<RecommendationStatusChanged>
{
    public async Task Handle(RecommendationStatusChanged notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.To is not (RecommendationStatus.Accepted or RecommendationStatus.AlternativeAgreed))
        {
            return;
        }

        var recommendation = await services.Db.Recommendations.Include(r => r.Steps).Include(r => r.Files).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == notification.RecommendationId && r.TrainingCourseId != null, cancellationToken);
        if (recommendation is not null)
        {
            await sender.SendIfAllCompletedAsync(recommendation, cancellationToken);
        }
    }
}
