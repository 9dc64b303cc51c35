namespace Phso.Modules.Training.Domain;

/// <summary>Days in training (due dates, completion, expiry) are days in the UK.</summary>
public static class TrainingTime
{
    public static DateOnly Today(TimeProvider clock) => Phso.SharedKernel.Time.UkTime.Today(clock);
}
