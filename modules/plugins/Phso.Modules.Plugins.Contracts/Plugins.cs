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
