using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Notifications.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.Assignments;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Security;
using Quartz;

namespace Phso.Modules.Training.Features.Reminders;

public sealed class TrainingOptions
{
    /// <summary>Days before a due date on which to remind the learner and their line manager.</summary>
    public List<int> ReminderDays { get; set; } = [30, 7, 1];

    /// <summary>How often the job runs; 0 turns it off (tests run it by hand).</summary>
    public int CheckIntervalMinutes { get; set; } = 60;
}

/// <summary>
/// The training clock, run by a Quartz job: opens the next cycle of recurring training when its window opens
/// (archiving the completed record), enrols people who joined an assigned group, and sends reminders before a due
/// date and once when overdue, to the learner and their line manager. Each reminder is recorded before it is sent, in
/// the same transaction, so running the job twice sends nothing twice. Nothing goes out for a record that has ended
/// (unassigned), a person who has left, or a retired course.
/// </summary>
public sealed partial class TrainingReminders(IServiceScopeFactory scopes, IOptions<TrainingOptions> options, TimeProvider clock, ILogger<TrainingReminders> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>Runs once; returns how many reminders were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("training reminders");
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var renewed = await OpenNextCyclesAsync(scope.ServiceProvider, cancellationToken);
            var enrolled = await mediator.Send(new EnrolNewMembers(), cancellationToken);
            var sent = await SendRemindersAsync(scope.ServiceProvider, cancellationToken);
            Ran(logger, renewed, enrolled, sent);
            return sent;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training: {Renewed} cycles opened, {Enrolled} people enrolled from groups, {Sent} reminders sent")]
    private static partial void Ran(ILogger logger, int renewed, int enrolled, int sent);

    private async Task<int> OpenNextCyclesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TrainingDbContext>();
        var today = TrainingTime.Today(clock);
        var due = await db.Enrolments.Where(e => e.ArchivedAt == null && e.EndedAt == null && e.Status == EnrolmentStatus.Completed && e.WindowOpensOn <= today)
            .Join(db.Courses.Where(c => c.RetiredAt == null && c.PublishedNumber != null), e => e.CourseId, c => c.Id, (e, c) => e)
            .ToListAsync(cancellationToken);
        var mediator = services.GetRequiredService<IMediator>();
        var courseIds = due.Select(r => r.CourseId).Distinct().ToList();
        var courses = await db.Courses.Include(c => c.Versions).Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var record in due)
        {
            var course = courses[record.CourseId];
            db.Enrolments.Add(record.NextCycle(course, clock.GetUtcNow()));
            await mediator.Send(new SendNotification(record.PersonId, $"Time to renew: {course.Title}",
                $"Your {course.Title} expires on {Pages.Learning.Describe.Day(record.ExpiresOn)}. Take the course again before then to stay up to date.",
                $"/learning/courses/{course.Id}", AlsoByEmail: true), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    private async Task<int> SendRemindersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TrainingDbContext>();
        var mediator = services.GetRequiredService<IMediator>();
        var today = TrainingTime.Today(clock);
        var horizon = today.AddDays(options.Value.ReminderDays.DefaultIfEmpty(0).Max());
        var open = await db.Enrolments.AsNoTracking()
            .Where(e => e.ArchivedAt == null && e.EndedAt == null && e.DueOn != null && e.DueOn <= horizon
                && (e.Status == EnrolmentStatus.NotStarted || e.Status == EnrolmentStatus.InProgress))
            .Join(db.Courses.AsNoTracking().Where(c => c.RetiredAt == null), e => e.CourseId, c => c.Id, (e, c) => new { e.Id, e.PersonId, e.CourseId, c.Title, DueOn = e.DueOn!.Value })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }

        var people = (await mediator.Send(new GetPeople([.. open.Select(o => o.PersonId).Distinct()]), cancellationToken))
            .Where(p => p.IsActive).ToDictionary(p => p.Id);
        var sent = 0;

        // In chunks: the reminders already sent for a chunk's records are read in one query, and the chunk's new ones
        // saved together (one query and one save per record made the sweep grow with every record due).
        foreach (var chunk in open.Where(o => people.ContainsKey(o.PersonId)).Chunk(500))
        {
            var ids = chunk.Select(o => o.Id).ToList();
            var already = (await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.EnrolmentId)).Select(r => new { r.EnrolmentId, r.RecipientId, r.Kind, r.About }).ToListAsync(cancellationToken))
                .Select(r => (r.EnrolmentId, r.RecipientId, r.Kind, r.About)).ToHashSet();
            foreach (var record in chunk)
            {
                if (KindOn(record.DueOn, today) is not { } kind)
                {
                    continue;
                }

                var learner = people[record.PersonId];
                foreach (var recipient in learner.LineManagerId is { } manager ? [learner.Id, manager] : new[] { learner.Id })
                {
                    if (already.Contains((record.Id, recipient, kind, record.DueOn)))
                    {
                        continue;
                    }

                    db.Reminders.Add(new SentReminder { Id = Guid.CreateVersion7(), EnrolmentId = record.Id, RecipientId = recipient, Kind = kind, About = record.DueOn, SentAt = clock.GetUtcNow() });
                    var (title, body) = Words(kind, record.Title, record.DueOn, recipient == learner.Id ? null : learner.DisplayName);
                    await mediator.Send(new SendNotification(recipient, title, body, recipient == learner.Id ? $"/learning/courses/{record.CourseId}" : "/learning/team", AlsoByEmail: true),
                        cancellationToken);
                    sent++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    /// <summary>The one reminder due today for a due date: overdue once it has passed, else the closest offset reached
    /// (someone assigned five days before the due date gets the 7-day reminder, not the 30-day one as well).</summary>
    private string? KindOn(DateOnly dueOn, DateOnly today)
    {
        if (today > dueOn)
        {
            return "overdue";
        }

        var reached = options.Value.ReminderDays.Where(days => today >= dueOn.AddDays(-days)).Order().ToList();
        return reached.Count == 0 ? null : $"due-{reached[0]}";
    }

    private static (string Title, string Body) Words(string kind, string course, DateOnly dueOn, string? forPerson)
    {
        var day = Pages.Learning.Describe.Day(dueOn);
        var who = forPerson is null ? "Your" : $"{forPerson}'s";
        return kind == "overdue"
            ? ($"Overdue: {course}", $"{who} {course} was due on {day} and is not complete.")
            : ($"Due {day}: {course}", $"{who} {course} is due on {day}.");
    }
}

[DisallowConcurrentExecution]
internal sealed class TrainingRemindersJob(TrainingReminders reminders) : IJob
{
    public static readonly JobKey Key = new("training-reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await reminders.RunAsync(cancellationToken);
}
