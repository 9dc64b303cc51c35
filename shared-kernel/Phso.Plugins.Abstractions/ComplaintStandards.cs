namespace Phso.Plugins.Abstractions;

/// <summary>
/// An organisation's local complaint standard: its stages, the deadline of each, and the steps it requires. The host
/// uses the description to show caseworkers the standard and to measure, on the right working-day calendar, whether
/// the organisation kept to it before the complaint reached the ombudsman.
/// </summary>
public interface IComplaintStandard
{
    /// <summary>The standard, as data. Called when the plugin is enabled; the result is kept.</summary>
    /// <returns>The standard's description.</returns>
    ComplaintStandardDescription Describe();

    /// <summary>The standard's own checks of one complaint's history, beyond the deadlines the host measures (for
    /// example "an explanation is owed when the response took more than six months"). Called when a caseworker opens
    /// a case about a covered organisation; the host gives it a short time limit and treats an exception or a time-out
    /// as no findings (and a plugin that keeps failing is switched off).</summary>
    /// <param name="history">What the complainant told us about their complaint to the organisation.</param>
    /// <returns>Findings in words for the caseworker; empty when there is nothing to add.</returns>
    IReadOnlyList<StandardFinding> Assess(ComplaintHistory history);
}

/// <summary>A local complaint standard described as data.</summary>
/// <param name="Name">The standard's name, e.g. "Coldharbour Teaching Hospitals complaints policy".</param>
/// <param name="Summary">One or two sentences for caseworkers.</param>
/// <param name="Organisations">The organisations it applies to, as named in the ombudsman's register.</param>
/// <param name="Calendar">Whose bank holidays count when counting working days.</param>
/// <param name="Stages">The deadlines, in order.</param>
/// <param name="RequiredSteps">Steps the standard requires, for caseworkers to check (e.g. offering a discussion).</param>
public sealed record ComplaintStandardDescription(
    string Name,
    string Summary,
    IReadOnlyList<string> Organisations,
    Nation Calendar,
    IReadOnlyList<StandardStage> Stages,
    IReadOnlyList<string> RequiredSteps);

/// <summary>One deadline of a standard: the time allowed from one milestone to another.</summary>
/// <param name="Name">What the stage is called, e.g. "Acknowledge" or "Stage 1 response".</param>
/// <param name="From">The milestone the time runs from: one of <see cref="Milestones"/> or the key of one of the
/// plugin's own date questions.</param>
/// <param name="To">The milestone that ends it, in the same terms.</param>
/// <param name="Allowed">The time allowed.</param>
/// <param name="Extension">Extra time the standard allows when the organisation tells the complainant why, if any.</param>
/// <param name="Note">Anything a caseworker should know about this stage, e.g. "or a period agreed with the complainant".</param>
public sealed record StandardStage(string Name, string From, string To, Period Allowed, Period? Extension = null, string? Note = null);

/// <summary>A length of time in days.</summary>
/// <param name="Days">How many days (at least 1).</param>
/// <param name="Counting">Working days (weekends and the calendar's bank holidays skipped) or calendar days.</param>
public sealed record Period(int Days, DayCounting Counting);

/// <summary>How days are counted.</summary>
public enum DayCounting
{
    /// <summary>Monday to Friday, skipping the calendar's bank holidays.</summary>
    WorkingDays,

    /// <summary>Every day.</summary>
    CalendarDays,
}

/// <summary>The bank holiday calendars of the United Kingdom.</summary>
public enum Nation
{
    /// <summary>England and Wales.</summary>
    EnglandAndWales,

    /// <summary>Scotland.</summary>
    Scotland,

    /// <summary>Northern Ireland.</summary>
    NorthernIreland,
}

/// <summary>The milestones every complaint form asks about. A standard may also use its own date questions' keys.</summary>
public static class Milestones
{
    /// <summary>When the complainant complained to the organisation.</summary>
    public const string Complained = "complained";

    /// <summary>When the organisation acknowledged the complaint.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>When the organisation gave its final response.</summary>
    public const string FinalResponse = "final-response";
}

/// <summary>What the complainant told us about their complaint to the organisation: the dates of each milestone they
/// gave (by milestone key) and their answers to the plugin's intake questions (by question key).</summary>
/// <param name="Organisation">The organisation's name in the register.</param>
/// <param name="Dates">Milestone dates given, by key.</param>
/// <param name="Answers">Answers to the plugin's intake questions, by key, as text.</param>
public sealed record ComplaintHistory(string Organisation, IReadOnlyDictionary<string, DateOnly> Dates, IReadOnlyDictionary<string, string> Answers);

/// <summary>A finding of a standard's own check, in words for a caseworker.</summary>
/// <param name="Text">What was found.</param>
/// <param name="Kept">Whether the organisation kept to its standard on this point; null when it cannot be told.</param>
public sealed record StandardFinding(string Text, bool? Kept);
