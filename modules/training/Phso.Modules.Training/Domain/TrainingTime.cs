namespace Phso.Modules.Training.Domain;

/// <summary>Days in training (due dates, completion, expiry) are days in the UK.</summary>
public static class TrainingTime
{
    private static readonly TimeZoneInfo Uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime((clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow(), Uk).DateTime);
}
