using Phso.Modules.Recommendations.Contracts;

namespace Phso.Modules.Recommendations.Domain;

/// <summary>What can happen to a recommendation: each move is made by one party, the caseworker, the body or the
/// system (the overdue sweep).</summary>
public enum RecommendationMove
{
    Issue,
    Accept,
    Refuse,
    AgreeAlternative,
    SendEvidence,
    AskForMoreEvidence,
    AcceptEvidence,
    RecordNotComplied,
    MarkOverdue,
    Withdraw,

    /// <summary>The follow-up job: overdue for long enough that senior managers must decide what to do (the status stays overdue).</summary>
    Escalate,

    /// <summary>A senior manager's decision on an escalated recommendation: report the body publicly, or not (the status stays overdue).</summary>
    DecidePublicReport,
}

/// <summary>The state machine as one table: for each move, the statuses it may start from. Everything else (the
/// pages' buttons, the API's refusals, the tests that try every move from every status) reads it.</summary>
public static class RecommendationMoves
{
    private static readonly RecommendationStatus[] StillOpen =
    [
        RecommendationStatus.Issued, RecommendationStatus.Accepted, RecommendationStatus.NotAccepted, RecommendationStatus.AlternativeAgreed,
        RecommendationStatus.EvidenceSent, RecommendationStatus.MoreEvidenceAsked, RecommendationStatus.Overdue,
    ];

    private static readonly Dictionary<RecommendationMove, RecommendationStatus[]> From = new()
    {
        [RecommendationMove.Issue] = [RecommendationStatus.Draft],
        [RecommendationMove.Accept] = [RecommendationStatus.Issued],
        [RecommendationMove.Refuse] = [RecommendationStatus.Issued],
        [RecommendationMove.AgreeAlternative] = [RecommendationStatus.NotAccepted],
        // Evidence may come late (from overdue): sending it is also how a body that never said "accepted" shows it did the work.
        [RecommendationMove.SendEvidence] = [RecommendationStatus.Accepted, RecommendationStatus.AlternativeAgreed, RecommendationStatus.MoreEvidenceAsked, RecommendationStatus.Overdue],
        [RecommendationMove.AskForMoreEvidence] = [RecommendationStatus.EvidenceSent],
        [RecommendationMove.AcceptEvidence] = [RecommendationStatus.EvidenceSent],
        [RecommendationMove.RecordNotComplied] = [.. StillOpen.Where(s => s != RecommendationStatus.Issued)],
        [RecommendationMove.MarkOverdue] = [RecommendationStatus.Issued, RecommendationStatus.Accepted, RecommendationStatus.AlternativeAgreed, RecommendationStatus.MoreEvidenceAsked],
        [RecommendationMove.Withdraw] = [RecommendationStatus.Draft, .. StillOpen],
        [RecommendationMove.Escalate] = [RecommendationStatus.Overdue],
        [RecommendationMove.DecidePublicReport] = [RecommendationStatus.Overdue],
    };

    /// <summary>Moves only the follow-up job makes: never offered to people.</summary>
    private static readonly RecommendationMove[] SystemMoves = [RecommendationMove.MarkOverdue, RecommendationMove.Escalate];

    public static IReadOnlyList<RecommendationStatus> StartingPoints(RecommendationMove move) => From[move];

    public static bool Allows(RecommendationMove move, RecommendationStatus status) => From[move].Contains(status);

    /// <summary>The moves open from a status, in the table's order.</summary>
    public static IEnumerable<RecommendationMove> OpenFrom(RecommendationStatus status) => From.Where(m => m.Value.Contains(status)).Select(m => m.Key);

    /// <summary>Follow-up has ended: nothing more can happen.</summary>
    public static bool IsFinished(RecommendationStatus status) =>
        status is RecommendationStatus.Complied or RecommendationStatus.CompliedLate or RecommendationStatus.NotComplied or RecommendationStatus.Withdrawn;

    /// <summary>Issued and not finished: the body still owes something (or the caseworker owes a check).</summary>
    public static bool IsOutstanding(RecommendationStatus status) => StillOpen.Contains(status);

    /// <summary>The statuses in which the body owes the next step by the due date: reminded before it, overdue after it.</summary>
    public static IReadOnlyList<RecommendationStatus> BodyOwes => From[RecommendationMove.MarkOverdue];

    /// <summary>Past due without the evidence that ends it: overdue already, or owed by the body and the date has passed.
    /// (Evidence waiting for the caseworker's check, or a refusal waiting for the caseworker's answer, is not the body's delay.)</summary>
    public static bool IsOverdue(RecommendationStatus status, DateOnly dueOn, DateOnly today) =>
        status == RecommendationStatus.Overdue || (Allows(RecommendationMove.MarkOverdue, status) && today > dueOn);

    /// <summary>The refusal people see for a move the status does not allow.</summary>
    public static string Refusal(RecommendationMove move, RecommendationStatus status)
    {
        var now = status.Describe().ToLowerInvariant();
        if (IsFinished(status))
        {
            return $"This recommendation's follow-up has ended ({now}), so it cannot {Describe(move)}.";
        }

        var open = OpenFrom(status).Where(m => !SystemMoves.Contains(m)).Select(Describe).ToList();
        return $"A recommendation that is {now} cannot {Describe(move)}." + (open.Count == 0 ? "" : $" From here it can {string.Join(", or ", open)}.");
    }

    /// <summary>The move as the end of a sentence: "it cannot be accepted".</summary>
    public static string Describe(RecommendationMove move) => move switch
    {
        RecommendationMove.Issue => "be issued",
        RecommendationMove.Accept => "be accepted",
        RecommendationMove.Refuse => "be refused",
        RecommendationMove.AgreeAlternative => "have an alternative agreed",
        RecommendationMove.SendEvidence => "have evidence sent",
        RecommendationMove.AskForMoreEvidence => "have more evidence asked for",
        RecommendationMove.AcceptEvidence => "have its evidence accepted",
        RecommendationMove.RecordNotComplied => "be recorded as not complied",
        RecommendationMove.MarkOverdue => "become overdue",
        RecommendationMove.Withdraw => "be withdrawn",
        RecommendationMove.Escalate => "be escalated",
        RecommendationMove.DecidePublicReport => "have a decision on a public report recorded",
        _ => move.ToString(),
    };
}
