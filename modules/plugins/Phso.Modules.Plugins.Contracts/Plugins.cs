namespace Phso.Modules.Plugins.Contracts;

/// <summary>Where a partner plugin stands.</summary>
public enum PluginStatus
{
    /// <summary>Loaded and in use.</summary>
    Active,

    /// <summary>Installed but switched off by an admin (or by safe mode).</summary>
    Disabled,

    /// <summary>Made for another version of the plugin SDK than this platform's.</summary>
    Incompatible,

    /// <summary>Failed at load, at registration or repeatedly when called; switched off with the reason recorded.</summary>
    Malfunctioned,
}

/// <summary>
/// The local complaint standards that running plugins declare for an organisation, each measured against what the
/// complainant told us: which deadlines the organisation met or missed, in working days on the standard's calendar,
/// and the standard's own findings. Empty when no running plugin covers the organisation.
/// </summary>
[Phso.SharedKernel.Messaging.RequiresPolicy(Phso.SharedKernel.Security.Policies.StaffOnly)]
public sealed record GetLocalStandards(string OrganisationName, IReadOnlyDictionary<string, DateOnly> Dates, IReadOnlyDictionary<string, string> Answers)
    : Phso.SharedKernel.Messaging.IQuery<IReadOnlyList<LocalStandardReport>>;

/// <summary>
/// The extra questions running plugins ask on the public complaint form about an organisation (by its name in the
/// register), in the order asked; empty when no running plugin has questions for it. Public: the form is.
/// </summary>
[Phso.SharedKernel.Messaging.AnyCaller]
public sealed record GetIntakeQuestions(string OrganisationName) : Phso.SharedKernel.Messaging.IQuery<IReadOnlyList<IntakeQuestionAsked>>;

/// <summary>One extra question, as a plugin declared it.</summary>
/// <param name="PluginId">The plugin that asks it.</param>
/// <param name="PluginName">The plugin's name, for caseworkers.</param>
/// <param name="Key">The question's key; a date answer is also a milestone of that name for the plugin's standard.</param>
/// <param name="Text">The question.</param>
/// <param name="Type">What sort of answer it takes.</param>
/// <param name="Hint">Help under the question, if any.</param>
/// <param name="Choices">The options, for <see cref="IntakeAnswerType.Choice"/>.</param>
/// <param name="Required">Whether an answer is needed.</param>
public sealed record IntakeQuestionAsked(string PluginId, string PluginName, string Key, string Text, IntakeAnswerType Type, string? Hint, IReadOnlyList<string> Choices, bool Required);

/// <summary>The kinds of answer an extra question takes (the SDK's, without the SDK).</summary>
public enum IntakeAnswerType
{
    /// <summary>Free text, up to 1,000 characters.</summary>
    Text,

    /// <summary>"yes" or "no".</summary>
    YesNo,

    /// <summary>One of the question's choices.</summary>
    Choice,

    /// <summary>A date, not in the future.</summary>
    Date,
}

/// <summary>One plugin's standard for the organisation, measured.</summary>
public sealed record LocalStandardReport(
    string PluginId, string PluginName, string Name, string Summary, string Calendar, IReadOnlyList<StageReport> Stages, IReadOnlyList<string> RequiredSteps,
    IReadOnlyList<LocalFinding> Findings, string? FindingsUnavailable);

/// <summary>One deadline: the time allowed, the dates we know, when it fell due, and whether it was met.</summary>
public sealed record StageReport(
    string Name, string Allowed, string? Extension, string? Note, string From, string To, DateOnly? FromDate, DateOnly? ToDate, DateOnly? DueBy, DateOnly? DueByWithExtension,
    StageOutcome Outcome, string Explanation);

/// <summary>Whether a stage's deadline was met.</summary>
public enum StageOutcome
{
    /// <summary>Done within the time allowed.</summary>
    Met,

    /// <summary>Done after the time allowed but within the extension the standard allows (if the organisation gave one).</summary>
    MetWithExtension,

    /// <summary>Done late, or not done and now past due.</summary>
    Missed,

    /// <summary>Not done yet and not yet due.</summary>
    NotYetDue,

    /// <summary>We were not told the dates needed to say.</summary>
    Unknown,
}

/// <summary>A finding of the standard's own check.</summary>
public sealed record LocalFinding(string Text, bool? Kept);

/// <summary>
/// A plugin that brings courses has started (installed, enabled or upgraded): the training module imports and
/// publishes each, for the named organisations' handlers only. Sent through the outbox, so it is delivered once the
/// change is saved.
/// </summary>
/// <param name="PluginId">The plugin's id; the courses' source.</param>
/// <param name="PluginName">The plugin's name, for people.</param>
/// <param name="Courses">Each course: its package's files (relative path to bytes) and the organisations it is for.</param>
public sealed record PluginCoursesOffered(string PluginId, string PluginName, IReadOnlyList<OfferedCourse> Courses) : Phso.SharedKernel.Messaging.IIntegrationEvent;

/// <summary>One course a plugin offers.</summary>
/// <param name="Files">The course package's files, by path relative to the course's folder.</param>
/// <param name="Organisations">The organisations whose handlers it is for, as named in the register.</param>
public sealed record OfferedCourse(IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<string> Organisations);

/// <summary>A plugin stopped for good or for now (disabled, uninstalled, malfunctioned): its courses are retired, so
/// nobody new enrols and no reminders go, and every record and certificate made with them is kept.</summary>
/// <param name="PluginId">The plugin's id.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record PluginCoursesWithdrawn(string PluginId, string Reason) : Phso.SharedKernel.Messaging.IIntegrationEvent;

/// <summary>
/// How often an organisation met the deadlines of its own standard(s) across many complaints: for each running
/// plugin's standard and each stage, how many complaints' dates show it met, met within the extension, missed, or
/// cannot tell. Measured the same way as <see cref="GetLocalStandards"/>; the plugins' own checks are not run.
/// </summary>
[Phso.SharedKernel.Messaging.RequiresPolicy(Phso.SharedKernel.Security.Policies.StaffOnly)]
public sealed record MeasureLocalStandards(string OrganisationName, IReadOnlyList<IReadOnlyDictionary<string, DateOnly>> Complaints)
    : Phso.SharedKernel.Messaging.IQuery<IReadOnlyList<LocalStandardRecord>>;

/// <summary>One standard's record across the complaints given.</summary>
public sealed record LocalStandardRecord(string PluginId, string PluginName, string Name, string Summary, string Calendar, IReadOnlyList<StageRecord> Stages);

/// <summary>One stage's record: complaints by outcome.</summary>
public sealed record StageRecord(string Name, string Allowed, int Met, int MetWithExtension, int Missed, int NotYetDue, int Unknown)
{
    /// <summary>Complaints whose dates show whether the deadline was met.</summary>
    public int Known => Met + MetWithExtension + Missed;
}

/// <summary>What would stop a partner plugin's course from reaching its organisation's handlers: every problem in the
/// course package, each with its file and line, and a course key another course already uses. Empty when the course
/// can be imported. Sent when a plugin is installed or upgraded, so a broken course refuses the package rather than
/// being dropped later; answered by the module that imports plugins' courses (training), so that the dependency runs
/// one way, from training to plugins.</summary>
/// <param name="PluginId">The plugin bringing the course (its own earlier courses may keep their keys).</param>
/// <param name="Files">The course package's files by path relative to its folder.</param>
[Phso.SharedKernel.Messaging.RequiresPolicy(Phso.SharedKernel.Security.Policies.Admin)]
public sealed record CheckPluginCourse(string PluginId, IReadOnlyDictionary<string, byte[]> Files) : Phso.SharedKernel.Messaging.IQuery<IReadOnlyList<string>>;
