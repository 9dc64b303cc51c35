using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Complaints.Pages.Cases;

// The case action pages. Each names its command; the base class does the rest. Input property names match the
// command's, so refusals land next to the field they are about.
// Here: the steps that move a case through its stages, from choosing a route to the review.

public sealed class RouteModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public RouteForm Input { get; set; } = new();

    public IReadOnlyList<ChoiceItem> Routes => [.. new[] { CaseStage.EarlyResolution, CaseStage.Mediation, CaseStage.Investigation }
        .Where(r => CaseStages.CanMove(Case.Complaint.Stage, r))
        .Select(r => new ChoiceItem(r.ToString(), CaseStages.Describe(r), r switch
        {
            CaseStage.EarlyResolution => "Put things right quickly with the person and the organisation, without an investigation",
            CaseStage.Mediation => "A trained mediator helps them agree how to put things right",
            _ => "Gather evidence from both sides and take advice where needed",
        }))];

    public override string Title => "Choose how to handle the complaint";
    protected override string Done => "Route chosen.";
    protected override IRequest<Unit> Command() => new ChooseRoute(Reference, Version, Input.Route, Input.Reason);

    public sealed class RouteForm
    {
        public CaseStage? Route { get; set; }
        public string? Reason { get; set; }
    }
}

public sealed class ResolveModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public SummaryForm Input { get; set; } = new();

    public override string Title => "Record how the complaint was resolved";
    protected override string Done => "Resolution recorded. The person has been told.";
    protected override IRequest<Unit> Command() => new ResolveCase(Reference, Version, Input.Summary);

    public sealed class SummaryForm
    {
        public string? Summary { get; set; }
    }
}

public sealed class ProvisionalViewModel(IMediator mediator, CharterClockRules clocks) : CaseActionPage(mediator)
{
    [BindProperty]
    public ViewForm Input { get; set; } = new();

    public override string Title => "Share the provisional view";
    protected override string Done => "Provisional view shared with both parties.";
    protected override IRequest<Unit> Command() => new ShareProvisionalView(Reference, Version, Input.ProvisionalView, Input.CommentsDueOn);

    protected override void Prepare()
    {
        var days = Case.Settings.CommentWindowWorkingDays + (Case.Complaint.Adjustments.ExtraTime ? 5 : 0);
        Input = new ViewForm { CommentsDueOn = DateParts.From(clocks.Calendar.AddWorkingDays(Case.Today, days, Case.Complaint.Person.Nation)) };
    }

    public sealed class ViewForm
    {
        public string? ProvisionalView { get; set; }
        public DateParts CommentsDueOn { get; set; } = new();
    }
}

public sealed class BodyCommentModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public CommentForm Input { get; set; } = new();

    public override string Title => "Record the organisation's comments";
    protected override string Done => "The organisation's comments are recorded.";
    protected override IRequest<Unit> Command() => new RecordBodyComment(Reference, Version, Input.Comment);

    public sealed class CommentForm
    {
        public string? Comment { get; set; }
    }
}

public sealed class DecisionModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public static IReadOnlyList<ChoiceItem> Outcomes { get; } =
        [.. new[] { ComplaintOutcome.Upheld, ComplaintOutcome.PartlyUpheld, ComplaintOutcome.NotUpheld }.Select(o => new ChoiceItem(o.ToString(), o.Describe()))];

    public override string Title => "Record the final decision";
    protected override string Done => "Final decision recorded. The person and the organisation have been told.";
    protected override IRequest<Unit> Command() => new RecordDecision(Reference, Version, Input.Outcome, Input.Findings);

    protected override void Prepare() => Input = new DecisionForm { Findings = Case.Complaint.ProvisionalViewMarkdown };

    public sealed class DecisionForm
    {
        public ComplaintOutcome? Outcome { get; set; }
        public string? Findings { get; set; }
    }
}

public sealed class CloseModel(IMediator mediator) : CaseActionPage(mediator)
{
    public override string Title => "Close the case";
    protected override string Done => "Case closed.";
    protected override IRequest<Unit> Command() => new CloseCase(Reference, Version);
}

public sealed class DeclineModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public DeclineForm Input { get; set; } = new();

    public static IReadOnlyList<ChoiceItem> ReasonChoices { get; } = [.. Enum.GetValues<DeclineReason>().Select(r => new ChoiceItem(r.ToString(), r.Describe()))];

    public static IReadOnlyList<ChoiceItem> SignpostChoices { get; } = [.. Enum.GetValues<Signpost>().Select(s => new ChoiceItem(s.ToString(), s.Describe()))];

    public override string Title => "Decline the complaint";
    protected override string Done => "Complaint declined. The person has been told why and where else to go.";
    protected override IRequest<Unit> Command() => new DeclineComplaint(Reference, Version, [.. Input.Reasons], Input.Signpost, Input.Explanation);

    protected override void Prepare()
    {
        var failed = Case.Complaint.Checks.Where(c => !c.Met).Select(c => c.Check.DeclineReason());
        Input = new DeclineForm { Reasons = [.. failed] };
    }

    public sealed class DeclineForm
    {
        public IList<DeclineReason> Reasons { get; set; } = [];
        public Signpost? Signpost { get; set; }
        public string? Explanation { get; set; }
    }
}

public sealed class WithdrawModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    public override string Title => "Withdraw the complaint?";
    protected override string Done => "Complaint withdrawn.";
    protected override IRequest<Unit> Command() => new WithdrawComplaint(Reference, Version, Input.Reason);

    public sealed class ReasonForm
    {
        public string? Reason { get; set; }
    }
}

public sealed class ReviewOutcomeModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public OutcomeForm Input { get; set; } = new();

    public static IReadOnlyList<ChoiceItem> Outcomes { get; } =
    [
        new(nameof(ReviewOutcome.DecisionStands), "The decision stands"),
        new(nameof(ReviewOutcome.Reconsider), "Look at the complaint again", "The case goes back to investigation (or to assessment, if it was declined)"),
    ];

    public override string Title => "Record the outcome of the review";
    protected override string Done => "Review outcome recorded. The person has been told.";
    protected override IRequest<Unit> Command() => new RecordReviewOutcome(Reference, Version, Input.Outcome, Input.Reason);

    public sealed class OutcomeForm
    {
        public ReviewOutcome? Outcome { get; set; }
        public string? Reason { get; set; }
    }
}
