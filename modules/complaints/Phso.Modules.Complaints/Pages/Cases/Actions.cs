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

public sealed class StartChecksModel(IMediator mediator) : CaseActionPage(mediator)
{
    public override string Title => "Start preliminary checks";
    protected override string Done => "Preliminary checks started.";
    protected override IRequest<Unit> Command() => new StartChecks(Reference, Version);
}

public sealed class CompleteChecksModel(IMediator mediator) : CaseActionPage(mediator)
{
    public override string Title => "Complete the preliminary checks";
    protected override string Done => "Checks complete: the case is now in assessment.";
    protected override IRequest<Unit> Command() => new CompleteChecks(Reference, Version);
}

public sealed class DecideCheckModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty(SupportsGet = true)]
    public EligibilityCheck Check { get; set; }

    [BindProperty]
    public CheckForm Input { get; set; } = new();

    public CheckResult Engine => Case.Eligibility.Single(r => r.Check == Check);

    public override string Title => Check.Describe();
    protected override string Done => $"Decision recorded: {Check.Describe().ToLowerInvariant()}.";
    protected override IRequest<Unit> Command() => new DecideCheck(Reference, Version, Check, Input.Met, Input.Reason);

    protected override void Prepare()
    {
        var decided = Case.Complaint.Checks.SingleOrDefault(c => c.Check == Check);
        Input = new CheckForm { Met = decided?.Met, Reason = decided?.Reason };
    }

    public sealed class CheckForm
    {
        public bool? Met { get; set; }
        public string? Reason { get; set; }
    }

    public static IReadOnlyList<ChoiceItem> MetChoices { get; } = [new("true", "Met"), new("false", "Not met")];
}

public sealed class FactsModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public FactsForm Input { get; set; } = new();

    public override string Title => "Correct the facts";
    protected override string Done => "Facts corrected. The checks have been run again on the new facts.";
    protected override IRequest<Unit> Command() => new ChangeFacts(Reference, Version, Input.AwareOn, Input.BodyProcedure, Input.ComplainedOn, Input.AcknowledgedOn, Input.FinalResponseOn, Input.MpName, Input.MpConstituency, Input.MpReferredOn, Input.LegalRemedy,
        [.. Input.LocalAnswers.Select(a => new LocalAnswerCorrection(a.Position, a.Answer, a.Date))]);

    protected override void Prepare()
    {
        var c = Case.Complaint;
        Input = new FactsForm
        {
            AwareOn = DateParts.From(c.AwareOn), BodyProcedure = c.BodyProcedure, ComplainedOn = DateParts.From(c.ComplainedToBodyOn), AcknowledgedOn = DateParts.From(c.BodyAcknowledgedOn),
            FinalResponseOn = DateParts.From(c.BodyFinalResponseOn),
            MpName = c.Mp?.MpName, MpConstituency = c.Mp?.Constituency, MpReferredOn = DateParts.From(c.Mp?.ReferredOn), LegalRemedy = c.LegalRemedy,
            LocalAnswers = [.. c.LocalAnswers.OrderBy(a => a.Position).Select(a => new LocalAnswerForm
            {
                Position = a.Position,
                Answer = a.Type switch { IntakeAnswerType.Date => null, IntakeAnswerType.Text => a.Answer, _ => a.Answer ?? LocalQuestion.NotKnown },
                Date = DateParts.From(a.AnswerDate),
            })],
        };
    }

    public sealed class FactsForm
    {
        public DateParts AwareOn { get; set; } = new();
        public BodyProcedure? BodyProcedure { get; set; }
        public DateParts ComplainedOn { get; set; } = new();
        public DateParts AcknowledgedOn { get; set; } = new();
        public DateParts FinalResponseOn { get; set; } = new();
        public string? MpName { get; set; }
        public string? MpConstituency { get; set; }
        public DateParts MpReferredOn { get; set; } = new();
        public LegalRemedy? LegalRemedy { get; set; }
        public List<LocalAnswerForm> LocalAnswers { get; set; } = [];
    }

    /// <summary>A correction to an answer to a partner plugin's question; the position says which.</summary>
    public sealed class LocalAnswerForm
    {
        public int Position { get; set; }
        public string? Answer { get; set; }
        public DateParts Date { get; set; } = new();
    }

    /// <summary>The question at a position on this case, as the form's question, for its field.</summary>
    public LocalQuestion QuestionAt(int position) =>
        LocalQuestionsFor.Of(Case.Complaint.LocalAnswers.Single(a => a.Position == position), null, null);
}

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
        var failed = Case.Complaint.Checks.Where(c => !c.Met).Select(c => c.Check switch
        {
            EligibilityCheck.Jurisdiction => DeclineReason.NotInRemit,
            EligibilityCheck.Injustice => DeclineReason.NoInjustice,
            EligibilityCheck.SuitablePerson => DeclineReason.NotASuitablePerson,
            EligibilityCheck.InTime => DeclineReason.OutOfTime,
            EligibilityCheck.NotPremature => DeclineReason.Premature,
            EligibilityCheck.MpReferral => DeclineReason.NoMpReferral,
            _ => DeclineReason.AlternativeRemedy,
        });
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

public sealed class MessageModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public MessageForm Input { get; set; } = new();

    public bool Acknowledging => Case.Complaint.Clocks.Any(c => c.Kind == ClockKind.Acknowledgement && c.IsRunning);

    public override string Title => Acknowledging ? "Acknowledge the complaint" : "Send a message to the complainant";
    protected override string Done => Acknowledging ? "Acknowledgement sent." : "Message sent.";
    protected override IRequest<Unit> Command() => new SendMessage(Reference, Version, Input.Text);

    protected override void Prepare()
    {
        if (Acknowledging)
        {
            var c = Case.Complaint;
            Input = new MessageForm
            {
                Text = $"Thank you for your complaint about {c.BodyName}, which we received on {c.ReceivedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. " +
                    $"I am the caseworker looking after it. I will first check that we can look at your complaint, and will update you at least every {Case.Settings.UpdateEveryWorkingDays} working days.",
            };
        }
    }

    public sealed class MessageForm
    {
        public string? Text { get; set; }
    }
}

public sealed class NoteModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public NoteForm Input { get; set; } = new();

    public override string Title => "Add a note";
    protected override string Done => "Note added.";
    protected override IRequest<Unit> Command() => new AddNote(Reference, Version, Input.Text);

    public sealed class NoteForm
    {
        public string? Text { get; set; }
    }
}

public sealed class AssignModel(IMediator mediator, ICurrentUser me) : CaseActionPage(mediator)
{
    [BindProperty]
    public AssignForm Input { get; set; } = new();

    public IReadOnlyList<ChoiceItem> Caseworkers { get; private set; } = [];

    public override string Title => "Assign the case";
    protected override string Done => Input.PersonId is null ? "The case is unassigned." : "Case assigned.";
    protected override IRequest<Unit> Command() => new AssignCase(Reference, Version, Input.PersonId);

    protected override void Prepare() => Input = new AssignForm { PersonId = Case.Complaint.AssignedToId ?? me.Id };

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var caseworkers = await Mediator.Send(new FindPeople(Roles.Caseworker));
        Caseworkers = [.. caseworkers.Select(p => new ChoiceItem(p.Id.ToString(), p.Id == me.Id ? $"{p.DisplayName} (you)" : p.DisplayName))];
        await next();
    }

    public sealed class AssignForm
    {
        public Guid? PersonId { get; set; }
    }
}

public sealed class PriorityModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public PriorityForm Input { get; set; } = new();

    public static IReadOnlyList<ChoiceItem> Levels { get; } = [new(nameof(Priority.Normal), "Normal"), new(nameof(Priority.High), "High")];

    public static IReadOnlyList<ChoiceItem> ReasonChoices { get; } =
        [.. Enum.GetValues<PriorityReasons>().Where(r => r != PriorityReasons.None).Select(r => new ChoiceItem(r.ToString(), r.Describe()))];

    public override string Title => "Set the priority";
    protected override string Done => "Priority set.";
    protected override IRequest<Unit> Command() => new SetPriority(Reference, Version, Input.Priority, [.. Input.Reasons], Input.Note);

    protected override void Prepare()
    {
        var c = Case.Complaint;
        Input = new PriorityForm { Priority = c.Priority, Reasons = [.. c.PriorityReasons.Each()], Note = c.PriorityNote };
    }

    public sealed class PriorityForm
    {
        public Priority? Priority { get; set; }
        public IList<PriorityReasons> Reasons { get; set; } = [];
        public string? Note { get; set; }
    }
}

public sealed class LinkModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public LinkForm Input { get; set; } = new();

    public static IReadOnlyList<ChoiceItem> Choices { get; } =
    [
        new("new", "Email a new private link", "The current link stops working"),
        new("revoke", "Stop the current link working", "For example if it was shared by mistake"),
    ];

    public override string Title => "The complainant's private link";
    protected override string Done => Input.Action == "new" ? "A new link has been emailed; the old one no longer works." : "The link no longer works.";

    protected override IRequest<Unit> Command() => Input.Action switch
    {
        "new" => new SendNewLink(Reference),
        "revoke" => new RevokeLink(Reference, Version, Input.Reason),
        _ => throw SharedKernel.Messaging.RequestValidationException.For("Action", "Select what you want to do"),
    };

    public sealed class LinkForm
    {
        public string? Action { get; set; }

        /// <summary>Why the link is stopped (required to stop it).</summary>
        public string? Reason { get; set; }
    }
}

/// <summary>How the case page offers each step the case allows: its button's words, the action page, the button's style.</summary>
public static class CaseActionLinks
{
    public static (string Text, string Href, string Style) Of(CaseAction action) => action switch
    {
        CaseAction.Acknowledge => ("Acknowledge the complaint", "message", ""),
        CaseAction.StartChecks => ("Start preliminary checks", "start-checks", ""),
        CaseAction.RecordChecks => ("Record the checks", "checks", ""),
        CaseAction.CorrectFacts => ("Correct the facts", "facts", "govuk-button--secondary"),
        CaseAction.LinkBody => ("Link the body to the register", "link-body", "govuk-button--secondary"),
        CaseAction.ChooseRoute => ("Choose how to handle it", "route", ""),
        CaseAction.MoveToInvestigation => ("Move to investigation", "route", ""),
        CaseAction.RecordResolution => ("Record the resolution", "resolve", ""),
        CaseAction.ShareProvisionalView => ("Share the provisional view", "provisional-view", ""),
        CaseAction.RecordDecision => ("Record the final decision", "decision", ""),
        CaseAction.RecordBodyComment => ("Record the organisation's comments", "body-comment", "govuk-button--secondary"),
        CaseAction.Close => ("Close the case", "close", ""),
        CaseAction.RecordReviewOutcome => ("Record the review outcome", "review-outcome", ""),
        CaseAction.Decline => ("Decline the complaint", "decline", "govuk-button--warning"),
        CaseAction.Withdraw => ("Record a withdrawal", "withdraw", "govuk-button--secondary"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
