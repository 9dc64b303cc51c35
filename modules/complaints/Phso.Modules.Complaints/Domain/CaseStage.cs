namespace Phso.Modules.Complaints.Domain;

/// <summary>Where a case is. Received, checks, assessment, a route (early resolution, mediation or investigation),
/// provisional view, decided, closed; declined and withdrawn end a case early; a review can follow a decision.</summary>
public enum CaseStage
{
    Received,
    Checks,
    Assessment,
    EarlyResolution,
    Mediation,
    Investigation,
    ProvisionalView,
    Decided,
    UnderReview,
    Closed,
    Declined,
    Withdrawn,
}

/// <summary>The stage machine: which moves are allowed, and how each stage is described.</summary>
public static class CaseStages
{
    private static readonly Dictionary<CaseStage, CaseStage[]> Moves = new()
    {
        [CaseStage.Received] = [CaseStage.Checks, CaseStage.Withdrawn],
        [CaseStage.Checks] = [CaseStage.Assessment, CaseStage.Declined, CaseStage.Withdrawn],
        [CaseStage.Assessment] = [CaseStage.EarlyResolution, CaseStage.Mediation, CaseStage.Investigation, CaseStage.Declined, CaseStage.Withdrawn],
        [CaseStage.EarlyResolution] = [CaseStage.Investigation, CaseStage.Decided, CaseStage.Withdrawn],
        [CaseStage.Mediation] = [CaseStage.Investigation, CaseStage.Decided, CaseStage.Withdrawn],
        [CaseStage.Investigation] = [CaseStage.ProvisionalView, CaseStage.Withdrawn],
        [CaseStage.ProvisionalView] = [CaseStage.Decided, CaseStage.Investigation, CaseStage.Withdrawn],
        [CaseStage.Decided] = [CaseStage.Closed, CaseStage.UnderReview],
        [CaseStage.Closed] = [CaseStage.UnderReview],
        [CaseStage.Declined] = [CaseStage.UnderReview],
        [CaseStage.UnderReview] = [CaseStage.Closed, CaseStage.Declined, CaseStage.Assessment, CaseStage.Investigation],
        [CaseStage.Withdrawn] = [],
    };

    public static IReadOnlyList<CaseStage> NextFrom(CaseStage stage) => Moves[stage];

    public static bool CanMove(CaseStage from, CaseStage to) => Moves[from].Contains(to);

    /// <summary>The refusal people see for an illegal move.</summary>
    public static string Refusal(CaseStage from, CaseStage to) =>
        Moves[from].Length == 0
            ? $"This case has ended ({Describe(from).ToLowerInvariant()}), so it cannot move to {Describe(to).ToLowerInvariant()}."
            : $"A case at {Describe(from).ToLowerInvariant()} cannot move to {Describe(to).ToLowerInvariant()}. From here it can move to: {string.Join(", ", Moves[from].Select(s => Describe(s).ToLowerInvariant()))}.";

    /// <summary>Stages in which the ombudsman is still working on the complaint (charter clocks run).</summary>
    public static bool IsOpen(CaseStage stage) => stage is not (CaseStage.Decided or CaseStage.Closed or CaseStage.Declined or CaseStage.Withdrawn);

    /// <summary>Stages in which the complainant can still withdraw.</summary>
    public static bool CanBeWithdrawn(CaseStage stage) => CanMove(stage, CaseStage.Withdrawn);

    public static string Describe(CaseStage stage) => stage switch
    {
        CaseStage.Received => "Received",
        CaseStage.Checks => "Preliminary checks",
        CaseStage.Assessment => "Assessment",
        CaseStage.EarlyResolution => "Early resolution",
        CaseStage.Mediation => "Mediation",
        CaseStage.Investigation => "Investigation",
        CaseStage.ProvisionalView => "Provisional view",
        CaseStage.Decided => "Final decision made",
        CaseStage.UnderReview => "Review of decision",
        CaseStage.Closed => "Closed",
        CaseStage.Declined => "Declined",
        CaseStage.Withdrawn => "Withdrawn",
        _ => stage.ToString(),
    };

    /// <summary>What the stage means for the person who complained, and what happens next.</summary>
    public static string ExplainToComplainant(CaseStage stage) => stage switch
    {
        CaseStage.Received => "We have your complaint. A caseworker will look at it and contact you.",
        CaseStage.Checks => "We are checking that we can look at your complaint: that it is about an organisation we can look at, that you complained to them first, and that it is in time.",
        CaseStage.Assessment => "We are deciding whether we can add value by looking into your complaint, and the best way to do it.",
        CaseStage.EarlyResolution => "We are trying to put things right quickly, working with you and the organisation, without a full investigation.",
        CaseStage.Mediation => "We are arranging mediation: a meeting, led by a trained mediator, to help you and the organisation agree how to put things right.",
        CaseStage.Investigation => "We are investigating your complaint. We will gather evidence from you and the organisation and may ask for independent advice.",
        CaseStage.ProvisionalView => "We have shared our provisional view with you and the organisation. You can comment on it before we make our final decision.",
        CaseStage.Decided => "We have made our final decision.",
        CaseStage.UnderReview => "We are reviewing our decision, as you asked.",
        CaseStage.Closed => "Your case is closed.",
        CaseStage.Declined => "We have decided we cannot look into your complaint. We have explained why and where else you may be able to go.",
        CaseStage.Withdrawn => "Your complaint has been withdrawn.",
        _ => "",
    };

    /// <summary>A GOV.UK tag colour for the stage.</summary>
    public static string TagClass(CaseStage stage) => stage switch
    {
        CaseStage.Received => "govuk-tag--blue",
        CaseStage.Checks or CaseStage.Assessment => "govuk-tag--light-blue",
        CaseStage.EarlyResolution or CaseStage.Mediation or CaseStage.Investigation => "govuk-tag--purple",
        CaseStage.ProvisionalView => "govuk-tag--yellow",
        CaseStage.Decided or CaseStage.Closed => "govuk-tag--green",
        CaseStage.UnderReview => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };
}
