namespace Phso.Modules.Training.Domain;

/// <summary>How the next expiry date of a recurring (certification) course is set when someone completes it.</summary>
public enum ExpiryMode
{
    /// <summary>The active period counted from the day of completion.</summary>
    FromCompletion,

    /// <summary>The active period added to the previous expiry when recertifying before it; from completion after a lapse.</summary>
    FromPreviousExpiry,

    /// <summary>A fixed yearly date (e.g. every 1 December): the active period is added to a base date until it is in
    /// the future and at least the minimum active period away.</summary>
    FixedDate,
}

/// <summary>
/// A recurring course's rules, as Totara does certifications: a record is active for <see cref="ActiveMonths"/>; the
/// recertification window opens <see cref="WindowMonths"/> before expiry, when completion resets and the old record
/// is archived (never deleted).
/// </summary>
public sealed record RecertificationRules(ExpiryMode Mode, int ActiveMonths, int WindowMonths, DateOnly? FixedBaseDate = null, int MinimumActiveMonths = 0)
{
    /// <summary>Why the rules cannot be used, or null when they can.</summary>
    public string? Problem => ActiveMonths is < 1 or > 120 ? "The active period must be between 1 and 120 months"
        : WindowMonths < 0 || WindowMonths >= ActiveMonths ? "The recertification window must be shorter than the active period"
        : Mode == ExpiryMode.FixedDate && FixedBaseDate is null ? "Enter the fixed expiry date"
        : MinimumActiveMonths < 0 || MinimumActiveMonths > ActiveMonths ? "The minimum active period must be between 0 months and the active period"
        : null;

    /// <summary>The expiry of a record completed on <paramref name="completedOn"/>; <paramref name="previousExpiry"/> is
    /// the expiry of the record it renews, if any.</summary>
    public DateOnly ExpiryAfter(DateOnly completedOn, DateOnly? previousExpiry)
    {
        if (Problem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        switch (Mode)
        {
            case ExpiryMode.FromPreviousExpiry when previousExpiry is { } previous && completedOn <= previous:
                return previous.AddMonths(ActiveMonths);
            case ExpiryMode.FixedDate:
                var earliest = completedOn.AddMonths(MinimumActiveMonths);
                var expiry = FixedBaseDate!.Value;
                while (expiry <= completedOn || expiry < earliest)
                {
                    expiry = expiry.AddMonths(ActiveMonths);
                }

                // A base date far in the future counts back as far as the rules allow, so every completion gets the
                // earliest fixed date that respects the minimum.
                while (expiry.AddMonths(-ActiveMonths) is var earlier && earlier > completedOn && earlier >= earliest)
                {
                    expiry = earlier;
                }

                return expiry;
            default:
                return completedOn.AddMonths(ActiveMonths);
        }
    }

    /// <summary>The day the recertification window opens for a record expiring on <paramref name="expiresOn"/>.</summary>
    public DateOnly WindowOpensOn(DateOnly expiresOn) => expiresOn.AddMonths(-WindowMonths);
}
