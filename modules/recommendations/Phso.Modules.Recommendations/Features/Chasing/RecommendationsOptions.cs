namespace Phso.Modules.Recommendations.Features.Chasing;

/// <summary>How recommendations are chased ("Recommendations" in configuration). Every figure is in working days on the
/// body's nation's calendar, as the due dates are.</summary>
public sealed class RecommendationsOptions
{
    /// <summary>Working days before the due date on which the body's partner leads are reminded.</summary>
    public List<int> ReminderWorkingDays { get; set; } = [10, 5, 1];

    /// <summary>Working days overdue after which the caseworker's line manager is told.</summary>
    public int ManagerAfterWorkingDays { get; set; } = 10;

    /// <summary>Working days overdue after which the recommendation is escalated to senior managers.</summary>
    public int EscalateAfterWorkingDays { get; set; } = 20;

    /// <summary>How often the job runs; 0 turns it off (tests run it by hand). It only acts on the body's working days.</summary>
    public int CheckIntervalMinutes { get; set; } = 60;
}
