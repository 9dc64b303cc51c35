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
// Here: the preliminary checks and the facts they rest on.

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
