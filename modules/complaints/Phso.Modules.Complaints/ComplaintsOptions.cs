using Phso.Modules.Complaints.Domain;

namespace Phso.Modules.Complaints;

/// <summary>Complaints settings (configuration section "Complaints"). The defaults follow the service charter and
/// the rules in docs/domain.md; each is configurable because charters and policies change.</summary>
public sealed class ComplaintsOptions
{
    /// <summary>Case references look like PSO-2026-00042.</summary>
    public string ReferencePrefix { get; set; } = "PSO";

    public int AcknowledgeWithinWorkingDays { get; set; } = 5;
    public int UpdateEveryWorkingDays { get; set; } = 20;

    /// <summary>A clock is "due soon" this many working days before it is due.</summary>
    public int DueSoonWithinWorkingDays { get; set; } = 2;

    /// <summary>Default comment window on a provisional view.</summary>
    public int CommentWindowWorkingDays { get; set; } = 10;

    public int ReviewWindowMonths { get; set; } = 1;
    public int TimeLimitMonths { get; set; } = 12;

    /// <summary>A body's procedure counts as stalled after this long without a final response.</summary>
    public int StalledAfterMonths { get; set; } = 6;

    /// <summary>Periods when Parliament was dissolved (no MP referrals). The 2019 and 2024 dissolutions are built in.</summary>
    public List<DissolutionPeriod> ParliamentDissolutions { get; set; } =
    [
        new(new DateOnly(2019, 11, 6), new DateOnly(2019, 12, 16)),
        new(new DateOnly(2024, 5, 30), new DateOnly(2024, 7, 8)),
    ];

    public int LinkValidityMonths { get; set; } = 24;

    public long MaxEvidenceBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxEvidenceFiles { get; set; } = 10;

    /// <summary>How often the clock job runs; 0 turns the schedule off (tests drive it themselves).</summary>
    public int ClockCheckIntervalMinutes { get; set; } = 30;

    public EligibilityRules Rules => new(TimeLimitMonths, StalledAfterMonths, ParliamentDissolutions);
}

/// <summary>The complaints module's policies: who may read casework, work it, see timeliness, and comment for a body.</summary>
public static class ComplaintsPolicies
{
    /// <summary>Caseworkers, their managers and admins: read cases and the queue.</summary>
    public const string ReadCasework = "Complaints.ReadCasework";

    /// <summary>Caseworkers: change cases.</summary>
    public const string WorkCases = "Complaints.WorkCases";

    /// <summary>Managers and admins: the timeliness dashboard.</summary>
    public const string Timeliness = "Complaints.Timeliness";

    /// <summary>Partner leads: provisional views shared with their organisation, and nothing else.</summary>
    public const string BodyComments = "Complaints.BodyComments";
}
