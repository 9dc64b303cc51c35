namespace Phso.Modules.Recommendations.Domain;

/// <summary>A reminder or escalation the follow-up job sent about a recommendation, for one due date. The table's
/// unique key (recommendation, kind, due date) is what makes the job idempotent: the row is written in the same
/// transaction as the notifications, so a run that stops half way and runs again tells nobody twice, and a new due
/// date (an alternative agreed) starts its own reminders.</summary>
internal sealed class SentReminder
{
    public const string Overdue = "overdue";
    public const string Manager = "manager";
    public const string Escalated = "escalated";

    public Guid Id { get; init; }
    public Guid RecommendationId { get; init; }

    /// <summary>"due-10" (ten working days before), <see cref="Overdue"/>, <see cref="Manager"/> or <see cref="Escalated"/>.</summary>
    public string Kind { get; init; } = "";

    public DateOnly DueOn { get; init; }
    public DateTimeOffset SentAt { get; init; }

    /// <summary>How many people it went to.</summary>
    public int Recipients { get; init; }

    public static string BeforeDue(int workingDays) => $"due-{workingDays}";
}
