using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Notifications.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Reminders;

/// <summary>A record of training with a due date near or past.</summary>
public sealed record DueRecord(Guid EnrolmentId, Guid PersonId, Guid CourseId, string CourseTitle, DateOnly DueOn);

/// <summary>Sends the reminder due today for each of these records, to the learner and their line manager, unless it
/// was sent before. Each reminder is recorded in the same transaction as its notification and email, so a sweep that
/// stops half way and runs again sends nothing twice.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record SendDueReminders(IReadOnlyList<DueRecord> Records) : ICommand<int>;

internal sealed class SendDueRemindersHandler(TrainingDbContext db, IMediator mediator, IOptions<TrainingOptions> options, TimeProvider clock)
    : IRequestHandler<SendDueReminders, int>
{
    public async Task<int> Handle(SendDueReminders request, CancellationToken cancellationToken)
    {
        var today = TrainingTime.Today(clock);
        var people = (await mediator.Send(new GetPeople([.. request.Records.Select(r => r.PersonId).Distinct()]), cancellationToken))
            .Where(p => p.IsActive).ToDictionary(p => p.Id);
        var ids = request.Records.Select(r => r.EnrolmentId).ToList();
        var already = (await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.EnrolmentId)).Select(r => new { r.EnrolmentId, r.RecipientId, r.Kind, r.About }).ToListAsync(cancellationToken))
            .Select(r => (r.EnrolmentId, r.RecipientId, r.Kind, r.About)).ToHashSet();
        var notifications = new List<SendNotification>();
        foreach (var record in request.Records)
        {
            if (!people.TryGetValue(record.PersonId, out var learner) || KindOn(record.DueOn, today) is not { } kind)
            {
                continue;
            }

            foreach (var recipient in learner.LineManagerId is { } manager ? [learner.Id, manager] : new[] { learner.Id })
            {
                if (!already.Add((record.EnrolmentId, recipient, kind, record.DueOn)))
                {
                    continue;
                }

                db.Reminders.Add(new SentReminder { Id = Guid.CreateVersion7(), EnrolmentId = record.EnrolmentId, RecipientId = recipient, Kind = kind, About = record.DueOn, SentAt = clock.GetUtcNow() });
                var (title, body) = Words(kind, record.CourseTitle, record.DueOn, recipient == learner.Id ? null : learner.DisplayName);
                notifications.Add(new SendNotification(recipient, title, body, recipient == learner.Id ? $"/learning/courses/{record.CourseId}" : "/learning/team", AlsoByEmail: true));
            }
        }

        await mediator.Send(new SendNotifications(notifications), cancellationToken);
        return notifications.Count;
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
