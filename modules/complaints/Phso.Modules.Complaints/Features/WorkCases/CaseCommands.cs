using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Features.WorkCases;

// The commands a caseworker gives on a case. Each is refused by the domain when the stage or the case's rules do not
// allow it, with a message that says why; the page or API shows it next to what the person typed.

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record StartChecks(string Reference, int? Version) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record DecideCheck(string Reference, int? Version, EligibilityCheck Check, bool? Met, string? Reason) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record CompleteChecks(string Reference, int? Version) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record ChooseRoute(string Reference, int? Version, CaseStage? Route, string? Reason) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record ResolveCase(string Reference, int? Version, string? Summary) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record ShareProvisionalView(string Reference, int? Version, string? ProvisionalView, DateParts CommentsDueOn) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record RecordBodyComment(string Reference, int? Version, string? Comment) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record RecordDecision(string Reference, int? Version, ComplaintOutcome? Outcome, string? Findings) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record CloseCase(string Reference, int? Version) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record DeclineComplaint(string Reference, int? Version, IReadOnlyList<DeclineReason> Reasons, Signpost? Signpost, string? Explanation) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record WithdrawComplaint(string Reference, int? Version, string? Reason) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record RecordReviewOutcome(string Reference, int? Version, ReviewOutcome? Outcome, string? Reason) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record AssignCase(string Reference, int? Version, Guid? PersonId) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record SetPriority(string Reference, int? Version, Priority? Priority, IReadOnlyList<PriorityReasons> Reasons, string? Note) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record AddNote(string Reference, int? Version, string? Text) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record SendMessage(string Reference, int? Version, string? Text) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record LinkBody(string Reference, int? Version, Guid? OrganisationId) : ICommand, ICaseCommand;

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record ChangeFacts(
    string Reference, int? Version, DateParts AwareOn, BodyProcedure? BodyProcedure, DateParts ComplainedOn, DateParts? AcknowledgedOn, DateParts FinalResponseOn,
    string? MpName, string? MpConstituency, DateParts MpReferredOn, LegalRemedy? LegalRemedy, IReadOnlyList<LocalAnswerCorrection>? LocalAnswers = null) : ICommand, ICaseCommand;

/// <summary>A corrected answer to a partner plugin's question, by its position on the case: the answer ("yes", "no",
/// a choice, text; empty or "not-known" for none) or, for a date question, the date.</summary>
public sealed record LocalAnswerCorrection(int Position, string? Answer, DateParts? Date);

[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record SendNewLink(string Reference) : ICommand, ICaseCommand
{
    public int? Version => null;
}

/// <summary>Stops the complainant's private link working, with the reason (kept on the internal timeline).</summary>
[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record RevokeLink(string Reference, int? Version, string? Reason) : ICommand, ICaseCommand;

internal sealed class StartChecksHandler(CaseCommandServices services) : CaseCommandHandler<StartChecks>(services)
{
    protected override Task ApplyAsync(Complaint complaint, StartChecks command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.StartChecks(actor, time);
        return Task.CompletedTask;
    }
}

internal sealed class DecideCheckHandler(CaseCommandServices services, Eligibility eligibility) : CaseCommandHandler<DecideCheck>(services)
{
    protected override async Task ApplyAsync(Complaint complaint, DecideCheck command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        var met = command.Met!.Value;
        var engine = (await eligibility.RunAsync(complaint, cancellationToken)).Single(r => r.Check == command.Check);
        if (engine.Outcome != (met ? CheckOutcome.Met : CheckOutcome.NotMet) && string.IsNullOrWhiteSpace(command.Reason))
        {
            // Whether a reason is needed depends on what the engine made of the case, so only the handler can tell.
            throw RequestValidationException.For<DecideCheck>(c => c.Reason, engine.Outcome == CheckOutcome.NeedsJudgement
                ? "Give the reason for your decision: the engine could not decide this check"
                : "Give the reason for your decision: it differs from the engine's view");
        }

        complaint.DecideCheck(command.Check, met, command.Reason, engine, actor, time);
    }
}

internal sealed class CompleteChecksHandler(CaseCommandServices services) : CaseCommandHandler<CompleteChecks>(services)
{
    protected override Task ApplyAsync(Complaint complaint, CompleteChecks command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.CompleteChecks(actor, time);
        Services.EmailComplainant(complaint, $"Your complaint {complaint.Reference}: we can look at it",
            "We have checked your complaint and we can look at it. We are now deciding the best way to do that, and will tell you what happens next.");
        return Task.CompletedTask;
    }
}

internal sealed class ChooseRouteHandler(CaseCommandServices services) : CaseCommandHandler<ChooseRoute>(services)
{
    protected override Task ApplyAsync(Complaint complaint, ChooseRoute command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.ChooseRoute(command.Route!.Value, command.Reason, actor, time);
        Services.EmailComplainant(complaint, $"Your complaint {complaint.Reference}: what happens next", CaseStages.ExplainToComplainant(complaint.Stage));
        return Task.CompletedTask;
    }
}

internal sealed class ResolveCaseHandler(CaseCommandServices services, IOptions<ComplaintsOptions> options) : CaseCommandHandler<ResolveCase>(services)
{
    protected override Task ApplyAsync(Complaint complaint, ResolveCase command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.ResolveWithoutInvestigation(command.Summary ?? "", actor, time);
        Decisions.Publish(Services, complaint, options.Value);
        return Task.CompletedTask;
    }
}

internal sealed class ShareProvisionalViewHandler(CaseCommandServices services, IMediator mediator) : CaseCommandHandler<ShareProvisionalView>(services)
{
    protected override async Task ApplyAsync(Complaint complaint, ShareProvisionalView command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        var due = ShareProvisionalViewValidator.DueOn(command)!.Value;
        complaint.ShareProvisionalView(command.ProvisionalView ?? "", due, actor, time, Services.Clocks);
        var dueText = due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        Services.EmailComplainant(complaint, $"Your complaint {complaint.Reference}: our provisional view",
            $"We have shared our provisional view of your complaint with you and with {complaint.BodyName}. Please read it through your private link and send us any comments by {dueText}. We will not make our final decision before then unless you and the organisation have both replied.");
        if (complaint.OrganisationId is { } organisation)
        {
            foreach (var lead in await mediator.Send(new FindPeople(Roles.PartnerLead, organisation), cancellationToken))
            {
                Services.Notify(lead.Id, $"Provisional view on case {complaint.Reference}", $"The ombudsman has shared a provisional view with {complaint.BodyName}. Comments by {dueText}.", $"/partner/provisional-views/{complaint.Reference}");
            }
        }
    }
}

internal sealed class RecordBodyCommentHandler(CaseCommandServices services) : CaseCommandHandler<RecordBodyComment>(services)
{
    protected override Task ApplyAsync(Complaint complaint, RecordBodyComment command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.CommentAsBody(command.Comment ?? "", actor, time);
        return Task.CompletedTask;
    }
}

internal sealed class RecordDecisionHandler(CaseCommandServices services, IOptions<ComplaintsOptions> options) : CaseCommandHandler<RecordDecision>(services)
{
    protected override Task ApplyAsync(Complaint complaint, RecordDecision command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.RecordDecision(command.Outcome!.Value, command.Findings ?? "", actor, time);
        Decisions.Publish(Services, complaint, options.Value);
        return Task.CompletedTask;
    }
}

/// <summary>What follows a final decision: the integration event other modules act on, and the letter to the person.</summary>
internal static class Decisions
{
    public static void Publish(CaseCommandServices services, Complaint complaint, ComplaintsOptions options)
    {
        services.Db.Publish(new ComplaintDecided(
            complaint.Id, complaint.Reference, complaint.OrganisationId, complaint.BodyName, complaint.Sector ?? SharedKernel.Domain.Sector.Health,
            complaint.Outcome!.Value, complaint.DecidedOn!.Value, complaint.FindingsMarkdown!, complaint.ReceivedOn));
        var english = CultureInfo.GetCultureInfo("en-GB");
        services.EmailComplainant(complaint, $"Your complaint {complaint.Reference}: our final decision",
            $"We have made our final decision on your complaint about {complaint.BodyName}: {complaint.Outcome.Value.Describe().ToLowerInvariant()}. You can read it in full through your private link.\n\n" +
            $"If you think our decision is wrong, you can ask us to review it until {complaint.ReviewWindowEnds(options.ReviewWindowMonths)!.Value.ToString("d MMMM yyyy", english)}. " +
            $"You can also ask a court for a judicial review; this must be done promptly, and within 12 weeks of our decision (by {complaint.JudicialReviewDeadline!.Value.ToString("d MMMM yyyy", english)}).");
    }
}

internal sealed class CloseCaseHandler(CaseCommandServices services) : CaseCommandHandler<CloseCase>(services)
{
    protected override Task ApplyAsync(Complaint complaint, CloseCase command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.Close(actor, time);
        return Task.CompletedTask;
    }
}

internal sealed class DeclineComplaintHandler(CaseCommandServices services, IOptions<ComplaintsOptions> options) : CaseCommandHandler<DeclineComplaint>(services)
{
    protected override Task ApplyAsync(Complaint complaint, DeclineComplaint command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.Decline(command.Reasons ?? [], command.Signpost!.Value, command.Explanation ?? "", actor, time);
        var english = CultureInfo.GetCultureInfo("en-GB");
        Services.EmailComplainant(complaint, $"Your complaint {complaint.Reference}: we cannot look into it",
            $"{complaint.DeclineExplanation}\n\n{CaseText.Signpost(complaint.Signpost!.Value)}\n\n" +
            $"If you think we have got this wrong, you can ask us to review our decision until {complaint.ReviewWindowEnds(options.Value.ReviewWindowMonths)!.Value.ToString("d MMMM yyyy", english)}. " +
            $"You can also ask a court for a judicial review, within 12 weeks of our decision (by {complaint.JudicialReviewDeadline!.Value.ToString("d MMMM yyyy", english)}).");
        return Task.CompletedTask;
    }
}

internal sealed class WithdrawComplaintHandler(CaseCommandServices services) : CaseCommandHandler<WithdrawComplaint>(services)
{
    protected override Task ApplyAsync(Complaint complaint, WithdrawComplaint command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.Withdraw(command.Reason, actor, time);
        Services.EmailComplainant(complaint, $"Your complaint {complaint.Reference} has been withdrawn", "Your complaint has been withdrawn, as agreed. If you want to complain again, you can.");
        return Task.CompletedTask;
    }
}

internal sealed class RecordReviewOutcomeHandler(CaseCommandServices services) : CaseCommandHandler<RecordReviewOutcome>(services)
{
    protected override Task ApplyAsync(Complaint complaint, RecordReviewOutcome command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.RecordReviewOutcome(command.Outcome!.Value, command.Reason ?? "", actor, time);
        Services.EmailComplainant(complaint, $"Your complaint {complaint.Reference}: the outcome of your review",
            (command.Outcome == ReviewOutcome.DecisionStands ? "We have reviewed our decision and it stands." : "We have reviewed our decision and we will look at your complaint again.") + $"\n\n{command.Reason!.Trim()}");
        return Task.CompletedTask;
    }
}

internal sealed class AssignCaseHandler(CaseCommandServices services, IMediator mediator) : CaseCommandHandler<AssignCase>(services)
{
    protected override async Task ApplyAsync(Complaint complaint, AssignCase command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        if (command.PersonId is not { } id)
        {
            complaint.AssignTo(null, null, actor, time);
            return;
        }

        var person = await mediator.Send(new GetPerson(id), cancellationToken);
        if (person is not { IsActive: true } || !person.Roles.Contains(Roles.Caseworker))
        {
            throw RequestValidationException.For<AssignCase>(c => c.PersonId, "Select a caseworker from the list");
        }

        complaint.AssignTo(person.Id, person.DisplayName, actor, time);
        if (person.Id != actor.Id)
        {
            Services.Notify(person.Id, $"Case {complaint.Reference} is assigned to you", $"{actor.Name} assigned you the complaint about {complaint.BodyName}.", CaseCommandServices.CaseLink(complaint));
        }
    }
}

internal sealed class SetPriorityHandler(CaseCommandServices services) : CaseCommandHandler<SetPriority>(services)
{
    protected override Task ApplyAsync(Complaint complaint, SetPriority command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.SetPriority(command.Priority!.Value,
            (command.Reasons ?? []).Aggregate(PriorityReasons.None, (all, r) => all | r), command.Note, actor, time);
        return Task.CompletedTask;
    }
}

internal sealed class AddNoteHandler(CaseCommandServices services) : CaseCommandHandler<AddNote>(services)
{
    protected override Task ApplyAsync(Complaint complaint, AddNote command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.AddNote(command.Text ?? "", actor, time);
        return Task.CompletedTask;
    }
}

internal sealed class SendMessageHandler(CaseCommandServices services) : CaseCommandHandler<SendMessage>(services)
{
    protected override Task ApplyAsync(Complaint complaint, SendMessage command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.SendMessage(command.Text ?? "", actor, time, Services.Clocks);
        Services.EmailComplainant(complaint, $"A message about your complaint {complaint.Reference}", command.Text!.Trim());
        return Task.CompletedTask;
    }
}

internal sealed class LinkBodyHandler(CaseCommandServices services, IMediator mediator) : CaseCommandHandler<LinkBody>(services)
{
    protected override async Task ApplyAsync(Complaint complaint, LinkBody command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        var organisation = command.OrganisationId is { } id ? await mediator.Send(new GetOrganisation(id), cancellationToken) : null;
        if (organisation is null)
        {
            throw RequestValidationException.For<LinkBody>(c => c.OrganisationId, "Select the organisation from the register");
        }

        complaint.LinkBody(organisation.Id, organisation.Name, organisation.Sector, actor, time);
    }
}

internal sealed class ChangeFactsHandler(CaseCommandServices services) : CaseCommandHandler<ChangeFacts>(services)
{
    protected override Task ApplyAsync(Complaint complaint, ChangeFacts c, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        // The dates are read against today and the local answers against the questions this case was asked, so the
        // handler checks them, with the request's own property names.
        var errors = new RequestErrors<ChangeFacts>();
        var today = time.Today;
        var awareOn = Read(c.AwareOn, "Date they became aware", f => f.AwareOn, required: true);
        if (c.BodyProcedure is null)
        {
            errors.Add(f => f.BodyProcedure, "Select where they are with the organisation's complaints procedure");
        }

        var complainedOn = c.BodyProcedure is Domain.BodyProcedure.NotStarted ? null : Read(c.ComplainedOn, "Date they complained to the organisation", f => f.ComplainedOn, required: false);
        var acknowledgedOn = c.BodyProcedure is Domain.BodyProcedure.NotStarted ? null : Read(c.AcknowledgedOn, "Date the organisation acknowledged the complaint", f => f.AcknowledgedOn, required: false);
        var finalResponseOn = c.BodyProcedure is Domain.BodyProcedure.Finished ? Read(c.FinalResponseOn, "Date of the organisation's final response", f => f.FinalResponseOn, required: false) : null;
        foreach (var (field, message) in BodyDates.OutOfOrder(complainedOn, acknowledgedOn, finalResponseOn, "they complained"))
        {
            errors.Add(field == BodyDates.Acknowledged ? f => f.AcknowledgedOn : f => f.FinalResponseOn, message);
        }

        MpReferral? mp = null;
        if (!string.IsNullOrWhiteSpace(c.MpName) || !string.IsNullOrWhiteSpace(c.MpConstituency) || !(c.MpReferredOn ?? new DateParts()).IsEmpty)
        {
            if (string.IsNullOrWhiteSpace(c.MpName))
            {
                errors.Add(f => f.MpName, "Enter the MP's name, or leave all the MP's details empty");
            }

            if (string.IsNullOrWhiteSpace(c.MpConstituency))
            {
                errors.Add(f => f.MpConstituency, "Enter the MP's constituency");
            }

            var referred = Read(c.MpReferredOn, "Date the MP referred the complaint", f => f.MpReferredOn, required: true);
            if (referred is { } on && !string.IsNullOrWhiteSpace(c.MpName) && !string.IsNullOrWhiteSpace(c.MpConstituency))
            {
                mp = new MpReferral { MpName = c.MpName.Trim(), Constituency = c.MpConstituency.Trim(), ReferredOn = on };
            }
        }

        if (c.LegalRemedy is null)
        {
            errors.Add(f => f.LegalRemedy, "Select whether they could go to a court or tribunal");
        }

        var localAnswers = new Dictionary<int, string?>();
        foreach (var (correction, index) in (c.LocalAnswers ?? []).Select((a, i) => (a, i)))
        {
            if (complaint.LocalAnswers.SingleOrDefault(a => a.Position == correction.Position) is not { } answer)
            {
                // The page shows only this case's questions, so there is no input to put this on.
                errors.AddGeneral("One of the answers is to a question that is not on this case: reload the page and answer again");
                continue;
            }

            var question = LocalQuestionsFor.Of(answer, correction.Answer, correction.Date);
            if (ComplaintJourney.LocalAnswerProblems(question, today).FirstOrDefault() is { } problem)
            {
                errors.AddItem(f => f.LocalAnswers, index, answer.Type == IntakeAnswerType.Date ? a => a.Date : a => a.Answer, problem);
            }
            else
            {
                localAnswers[answer.Position] = question.Stored;
            }
        }

        errors.ThrowIfAny();

        complaint.ChangeFacts(new CaseFacts(awareOn!.Value, c.BodyProcedure!.Value, complainedOn, acknowledgedOn, finalResponseOn, mp, c.LegalRemedy!.Value, localAnswers), actor, time);
        return Task.CompletedTask;

        DateOnly? Read(DateParts? parts, string what, System.Linq.Expressions.Expression<Func<ChangeFacts, object?>> field, bool required)
        {
            parts ??= new DateParts();
            if (parts.IsEmpty && !required)
            {
                return null;
            }

            if (parts.TryRead(what, out var date, out var error, today))
            {
                return date;
            }

            errors.Add(field, error!);
            return null;
        }
    }
}

internal sealed class SendNewLinkHandler(CaseCommandServices services, IOptions<ComplaintsOptions> options) : CaseCommandHandler<SendNewLink>(services)
{
    protected override Task ApplyAsync(Complaint complaint, SendNewLink command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        if (complaint.ComplainantEmail is null)
        {
            throw new RuleViolationException("We have no email address for this person, so a new link cannot be emailed. Give them the new link another way once they have one.");
        }

        var (token, hash) = Evidence.AccessTokens.Create();
        complaint.IssueLink(hash, time.Now.AddMonths(options.Value.LinkValidityMonths), actor, time);
        Services.Db.Publish(new Messaging.EmailComplainant(complaint.Id, complaint.ComplainantEmail, complaint.ComplainantName, $"A new private link for your complaint {complaint.Reference}",
            $"Dear {complaint.ComplainantName},\n\nHere is a new private link to your complaint. The earlier link no longer works. Do not share it:\n\n{Services.Absolute($"/my-complaint/{token}")}\n"));
        return Task.CompletedTask;
    }
}

internal sealed class RevokeLinkHandler(CaseCommandServices services) : CaseCommandHandler<RevokeLink>(services)
{
    protected override Task ApplyAsync(Complaint complaint, RevokeLink command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.RevokeLinks(command.Reason ?? "", actor, time);
        return Task.CompletedTask;
    }
}

/// <summary>Adds a document already stored for the case (see EvidenceStore) to its record and timeline.</summary>
[RequiresPolicy(ComplaintsPolicies.WorkCases)]
public sealed record AddCaseDocument(string Reference, CaseDocument Document) : ICommand, ICaseCommand
{
    public int? Version => null;
}

internal sealed class AddCaseDocumentHandler(CaseCommandServices services) : CaseCommandHandler<AddCaseDocument>(services)
{
    protected override Task ApplyAsync(Complaint complaint, AddCaseDocument command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        complaint.AddDocument(command.Document, actor, time);
        return Task.CompletedTask;
    }
}
