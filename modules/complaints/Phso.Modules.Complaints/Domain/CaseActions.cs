namespace Phso.Modules.Complaints.Domain;

/// <summary>The steps a caseworker can take on a case, as its page offers them.</summary>
public enum CaseAction
{
    Acknowledge,
    StartChecks,
    RecordChecks,
    CorrectFacts,
    LinkBody,
    ChooseRoute,
    MoveToInvestigation,
    RecordResolution,
    ShareProvisionalView,
    RecordDecision,
    RecordBodyComment,
    Close,
    RecordReviewOutcome,
    Decline,
    Withdraw,
}

/// <summary>
/// Which steps the case allows today: the same conditions its commands check, asked once here so the case page offers
/// only what would be accepted (a step offered and then refused with 409 is a broken promise).
/// </summary>
public static class CaseActions
{
    public static IReadOnlyList<CaseAction> Allowed(Complaint complaint, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var stage = complaint.Stage;
        var allowed = new List<CaseAction>();
        void When(bool condition, CaseAction action)
        {
            if (condition)
            {
                allowed.Add(action);
            }
        }

        When(complaint.Clocks.Any(k => k.Kind == ClockKind.Acknowledgement && k.IsRunning), CaseAction.Acknowledge);
        When(stage == CaseStage.Received, CaseAction.StartChecks);
        When(stage == CaseStage.Checks, CaseAction.RecordChecks);
        When(stage == CaseStage.Checks, CaseAction.CorrectFacts);
        When(complaint.OrganisationId is null && complaint.IsOpen, CaseAction.LinkBody);
        When(stage == CaseStage.Assessment, CaseAction.ChooseRoute);
        When(stage is CaseStage.EarlyResolution or CaseStage.Mediation, CaseAction.MoveToInvestigation);
        When(stage is CaseStage.EarlyResolution or CaseStage.Mediation, CaseAction.RecordResolution);
        When(stage == CaseStage.Investigation, CaseAction.ShareProvisionalView);
        When(stage == CaseStage.ProvisionalView && complaint.DecisionLock(today) is null, CaseAction.RecordDecision);
        When(complaint.CommentWindowOpen(today) && complaint.BodyCommentedAt is null, CaseAction.RecordBodyComment);
        When(stage == CaseStage.Decided, CaseAction.Close);
        When(stage == CaseStage.UnderReview, CaseAction.RecordReviewOutcome);
        When(stage is CaseStage.Checks or CaseStage.Assessment, CaseAction.Decline);
        When(CaseStages.CanBeWithdrawn(stage), CaseAction.Withdraw);
        return allowed;
    }
}
