namespace Phso.SharedKernel.Time;

/// <summary>The time in the United Kingdom, where the service's days (deadlines, "today") are counted.</summary>
public static class UkTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateOnly Today(TimeProvider clock) => DayOf((clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow());
}
