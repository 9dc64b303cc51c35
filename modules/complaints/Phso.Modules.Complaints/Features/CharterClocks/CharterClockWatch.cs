using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Complaints.Features.Messaging;
using Phso.Modules.Complaints.Persistence;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Quartz;

namespace Phso.Modules.Complaints.Features.CharterClocks;

/// <summary>
/// Brings every running charter clock up to today: a clock becomes due soon, then overdue, on the working days of the
/// person's nation. Each change goes on the case's timeline, and the assigned caseworker is told once per state (the
/// managers, when nobody is assigned and a clock is overdue). Also clears out the files of complaints never sent.
/// </summary>
internal sealed partial class CharterClockWatch(IServiceScopeFactory scopes, EvidenceStore evidence, TimeProvider clock, ILogger<CharterClockWatch> logger)
{
    private static readonly ClockState[] Running = [ClockState.Running, ClockState.DueSoon, ClockState.Overdue];

    /// <summary>Returns how many clocks changed state.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("charter clocks");
        scope.ServiceProvider.GetRequiredService<UnitOfWorkContext>().Operation = "RefreshCharterClocks";
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var rules = scope.ServiceProvider.GetRequiredService<CharterClockRules>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var time = CaseTime.From(clock);
        var changed = 0;
        IReadOnlyList<Guid>? managers = null;

        var ids = await db.Complaints.Where(c => c.Clocks.Any(k => Running.Contains(k.State))).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(100))
        {
            var cases = await db.Complaints.Include(c => c.Clocks).Where(c => batch.Contains(c.Id)).ToListAsync(cancellationToken);
            foreach (var complaint in cases)
            {
                foreach (var changedClock in complaint.RefreshClocks(rules, time))
                {
                    changed++;
                    if (changedClock.State is not (ClockState.DueSoon or ClockState.Overdue) || changedClock.NotifiedState == changedClock.State)
                    {
                        continue;
                    }

                    changedClock.NotifiedState = changedClock.State;
                    var title = $"Case {complaint.Reference}: {changedClock.Kind.Describe().ToLowerInvariant()} {(changedClock.State == ClockState.Overdue ? "overdue" : "due soon")}";
                    var body = $"The {changedClock.Kind.Describe().ToLowerInvariant()} on the complaint about {complaint.BodyName} {(changedClock.State == ClockState.Overdue ? "was due" : "is due")} on {changedClock.DueOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.";
                    var link = $"/cases/{complaint.Reference}";
                    if (complaint.AssignedToId is { } caseworker)
                    {
                        db.Publish(new NotifyPerson(caseworker, title, body, link));
                    }
                    else if (changedClock.State == ClockState.Overdue)
                    {
                        managers ??= [.. (await mediator.Send(new FindPeople(Roles.Manager), cancellationToken)).Where(p => p.IsActive).Select(p => p.Id)];
                        foreach (var manager in managers)
                        {
                            db.Publish(new NotifyPerson(manager, title + " (not assigned)", body, link));
                        }
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var drafts = evidence.DeleteAbandonedDrafts(TimeSpan.FromDays(1));
        LogRefreshed(logger, ids.Count, changed, drafts);
        return changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Charter clocks: {Cases} open cases checked, {Changed} clocks changed state, {Drafts} abandoned draft uploads deleted")]
    private static partial void LogRefreshed(ILogger logger, int cases, int changed, int drafts);
}

[DisallowConcurrentExecution]
internal sealed class RefreshCharterClocksJob(CharterClockWatch watch) : IJob
{
    public static readonly JobKey Key = new("refresh-charter-clocks", "complaints");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await watch.RefreshAsync(cancellationToken);
}
