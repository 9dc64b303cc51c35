using Phso.SharedKernel.Time;

namespace Phso.Modules.Complaints.Domain;

/// <summary>
/// The service charter's clocks, counted in working days on the calendar of the complainant's nation: acknowledge
/// within N working days of receipt; update at least every N working days while the case is open.
/// </summary>
public sealed class CharterClockRules(IWorkingDayCalendar calendar, int acknowledgeWithin, int updateEvery, int dueSoonWithin)
{
    public IWorkingDayCalendar Calendar { get; } = calendar;

    public int AcknowledgeWithin { get; } = acknowledgeWithin;

    public int UpdateEvery { get; } = updateEvery;

    public DateOnly DueOn(ClockKind kind, DateOnly startedOn, Nation nation) =>
        Calendar.AddWorkingDays(startedOn, kind == ClockKind.Acknowledgement ? AcknowledgeWithin : UpdateEvery, nation);

    /// <summary>A running clock's state on <paramref name="today"/>: overdue after its due day; due soon within
    /// the last few working days; otherwise running.</summary>
    public ClockState StateOn(CharterClock clock, DateOnly today, Nation nation)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (!clock.IsRunning)
        {
            return clock.State;
        }

        return today > clock.DueOn ? ClockState.Overdue
            : Calendar.WorkingDaysBetween(today, clock.DueOn, nation) <= dueSoonWithin ? ClockState.DueSoon
            : ClockState.Running;
    }
}

/// <summary>Who acted, for the timeline.</summary>
public sealed record Actor(Guid? Id, string Name)
{
    public static readonly Actor Complainant = new(null, "The complainant");
}

/// <summary>The moment of an action: the instant, and the UK calendar day it falls on.</summary>
public sealed record CaseTime(DateTimeOffset Now, DateOnly Today)
{
    public static CaseTime From(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new CaseTime(now, Phso.SharedKernel.Time.UkTime.DayOf(now));
    }
}
