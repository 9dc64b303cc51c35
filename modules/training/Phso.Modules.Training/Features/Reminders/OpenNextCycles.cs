using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Notifications.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Reminders;

/// <summary>Opens the next cycle of these completed records of recurring training (archiving each), and tells each
/// learner to renew, in one unit of work; the training clock sends a few hundred at a time.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record OpenNextCycles(IReadOnlyList<Guid> EnrolmentIds) : ICommand<int>;

internal sealed class OpenNextCyclesHandler(TrainingDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<OpenNextCycles, int>
{
    public async Task<int> Handle(OpenNextCycles request, CancellationToken cancellationToken)
    {
        var today = TrainingTime.Today(clock);
        var ids = request.EnrolmentIds;

        // Read again inside the unit of work: a record renewed or ended since the sweep listed it is left alone.
        var due = await db.Enrolments.Where(e => ids.Contains(e.Id) && e.ArchivedAt == null && e.EndedAt == null && e.Status == EnrolmentStatus.Completed && e.WindowOpensOn <= today)
            .ToListAsync(cancellationToken);
        var courseIds = due.Select(r => r.CourseId).Distinct().ToList();
        var courses = await db.Courses.Include(c => c.Versions).Where(c => courseIds.Contains(c.Id) && c.RetiredAt == null && c.PublishedNumber != null)
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var renewed = due.Where(r => courses.ContainsKey(r.CourseId)).ToList();
        foreach (var record in renewed)
        {
            db.Enrolments.Add(record.NextCycle(courses[record.CourseId], clock.GetUtcNow()));
        }

        await mediator.Send(new SendNotifications([.. renewed.Select(record => Renew(record, courses[record.CourseId]))]), cancellationToken);
        return renewed.Count;
    }

    private static SendNotification Renew(Enrolment record, Course course) =>
        new(record.PersonId, $"Time to renew: {course.Title}",
            $"Your {course.Title} expires on {Pages.Learning.Describe.Day(record.ExpiresOn)}. Take the course again before then to stay up to date.",
            $"/learning/courses/{course.Id}", AlsoByEmail: true);
}
