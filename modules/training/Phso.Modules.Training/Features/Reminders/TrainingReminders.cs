using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// date and once when overdue, to the learner and their line manager. Each reminder is recorded in the same
/// transaction as its notification, so running the job twice sends nothing twice. Nothing goes out for a record that
/// has ended (unassigned), a person who has left, or a retired course.
/// </summary>
/// <remarks>The sweep lists what is due in one read, then works through it a chunk at a time, each chunk one unit of
/// work in a scope of its own: with one scope for the whole sweep every save looked through every row saved before
/// it, and the first run after a year's data arrived grew with the square of the reminders due.</remarks>
public sealed partial class TrainingReminders(IServiceScopeFactory scopes, IOptions<TrainingOptions> options, TimeProvider clock, ILogger<TrainingReminders> logger) : IDisposable
{
    /// <summary>Records per unit of work: each may send two reminders, within <see cref="SendNotifications.MaximumCount"/>.</summary>
    private const int ChunkSize = 500;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>Runs once; returns how many reminders were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var (renewing, due) = await ListDueAsync(cancellationToken);
            var renewed = 0;
            foreach (var chunk in renewing.Chunk(ChunkSize))
            {
                renewed += await InScopeAsync(mediator => mediator.Send(new OpenNextCycles(chunk), cancellationToken));
            }

            var enrolled = await InScopeAsync(mediator => mediator.Send(new EnrolNewMembers(), cancellationToken));
            var sent = 0;
            foreach (var chunk in due.Chunk(ChunkSize))
            {
                sent += await InScopeAsync(mediator => mediator.Send(new SendDueReminders(chunk), cancellationToken));
            }

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

    private async Task<int> InScopeAsync(Func<IMediator, Task<int>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("training reminders");
        return await work(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    /// <summary>Completed records whose next cycle opens today or before, and open records due within the furthest
    /// reminder's reach, on courses still offered.</summary>
    private async Task<(List<Guid> Renewing, List<DueRecord> Due)> ListDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var today = TrainingTime.Today(clock);
        var horizon = today.AddDays(options.Value.ReminderDays.DefaultIfEmpty(0).Max());
        var renewing = await db.Enrolments.AsNoTracking()
            .Where(e => e.ArchivedAt == null && e.EndedAt == null && e.Status == EnrolmentStatus.Completed && e.WindowOpensOn <= today)
            .Join(db.Courses.Where(c => c.RetiredAt == null && c.PublishedNumber != null), e => e.CourseId, c => c.Id, (e, c) => e.Id)
            .ToListAsync(cancellationToken);
        var due = await db.Enrolments.AsNoTracking()
            .Where(e => e.ArchivedAt == null && e.EndedAt == null && e.DueOn != null && e.DueOn <= horizon
                && (e.Status == EnrolmentStatus.NotStarted || e.Status == EnrolmentStatus.InProgress))
            .Join(db.Courses.AsNoTracking().Where(c => c.RetiredAt == null), e => e.CourseId, c => c.Id, (e, c) => new DueRecord(e.Id, e.PersonId, e.CourseId, c.Title, e.DueOn!.Value))
            .ToListAsync(cancellationToken);
        return (renewing, due);
    }
}

[DisallowConcurrentExecution]
internal sealed class TrainingRemindersJob(TrainingReminders reminders) : IJob
{
    public static readonly JobKey Key = new("training-reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await reminders.RunAsync(cancellationToken);
}
