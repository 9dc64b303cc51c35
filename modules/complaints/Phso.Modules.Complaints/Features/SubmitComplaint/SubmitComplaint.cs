using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Complaints.Features.Messaging;
using Phso.Modules.Complaints.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Features.SubmitComplaint;

/// <summary>Submits a complaint from the public form (or the API). Returns its reference and the private link's token,
/// which is shown once and emailed; only its hash is kept.</summary>
[AnyCaller]
public sealed record SubmitComplaint(ComplaintAnswers Answers) : ICommand<SubmittedComplaint>;

public sealed record SubmittedComplaint(Guid ComplaintId, string Reference, string Token, string Link);

internal sealed class SubmitComplaintValidator : AbstractValidator<SubmitComplaint>
{
    public SubmitComplaintValidator(TimeProvider clock) =>
        RuleFor(c => c.Answers).Custom((answers, context) =>
        {
            if (answers is null)
            {
                context.AddFailure("Answers", "Send the complaint's answers");
                return;
            }

            // The partner plugins' questions are checked by the handler, against the questions as they stand then.
            var failed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, field, message) in ComplaintJourney.Problems(answers, CaseTime.From(clock).Today).Where(p => p.Slug != ComplaintJourney.LocalQuestionsPage))
            {
                context.AddFailure(field, message);
                failed.Add(field);
            }

            // Every text is held to its length whichever questions apply, so nothing sent is stored beyond it.
            foreach (var (field, message) in ComplaintJourney.Oversized(answers).Where(p => !failed.Contains(p.Field)))
            {
                context.AddFailure(field, message);
            }
        });
}

internal sealed class SubmitComplaintHandler(
    ComplaintsDbContext db, IMediator mediator, CharterClockRules clocks, EvidenceStore evidence, PublicUrls urls, IOptions<ComplaintsOptions> options, TimeProvider clock)
    : IRequestHandler<SubmitComplaint, SubmittedComplaint>
{
    public async Task<SubmittedComplaint> Handle(SubmitComplaint request, CancellationToken cancellationToken)
    {
        var a = request.Answers;
        var time = CaseTime.From(clock);
        var settings = options.Value;
        Guid? organisationId = null;
        var bodyName = a.BodyNameGiven ?? "";
        var sector = a.BodySector;
        if (!a.NotListed)
        {
            var organisation = await mediator.Send(new GetOrganisation(a.OrganisationId!.Value), cancellationToken);
            if (organisation is not { ClosedOn: null })
            {
                throw RequestValidationException.For<ComplaintAnswers>(c => c.OrganisationId, "Select an organisation from the list, or say it is not in the list");
            }

            organisationId = organisation.Id;
            bodyName = organisation.Name;
            sector = organisation.Sector;
        }

        // What a client sent as questions is ignored: only its answers to the questions asked now count.
        a.LocalQuestions = await LocalQuestionsFor.OrganisationAsync(mediator, organisationId is null ? null : bodyName, a.LocalQuestions, cancellationToken);
        // Keyed by the answers' own names, as the rest of the complaint form's refusals are (the page and the API send the answers).
        var localProblems = new RequestErrors<ComplaintAnswers>();
        foreach (var (question, index) in a.LocalQuestions.Select((q, i) => (q, i)))
        {
            foreach (var message in ComplaintJourney.LocalAnswerProblems(question, time.Today))
            {
                localProblems.AddItem(c => c.LocalQuestions, index, question.Type == Plugins.Contracts.IntakeAnswerType.Date ? q => q.Date : q => q.Answer, message);
            }
        }

        localProblems.ThrowIfAny();

        a.AwareOn.TryRead("Date", out var awareOn, out _);
        DateOnly? complainedOn = a.ComplainedOn.TryRead("Date", out var complained, out _) ? complained : null;
        DateOnly? acknowledgedOn = a.BodyProcedure != BodyProcedure.NotStarted && a.AcknowledgedOn.TryRead("Date", out var acknowledged, out _) ? acknowledged : null;
        DateOnly? finalResponseOn = a.FinalResponseOn.TryRead("Date", out var response, out _) ? response : null;
        MpReferral? mp = a.MpReferred == true && a.MpReferredOn.TryRead("Date", out var referred, out _)
            ? new MpReferral { MpName = a.MpName!, Constituency = a.MpConstituency!, ReferredOn = referred }
            : null;
        var representative = a.ForSomeoneElse
            ? new Representative
            {
                Name = a.RepresentativeName!, Relationship = a.RepresentativeRelationship!, Capacity = a.RepresentativeCapacity!.Value,
                Email = Blank(a.Email), Phone = Blank(a.Phone),
            }
            : null;
        var person = new PersonComplaining
        {
            Name = a.PersonName!,
            Nation = a.PersonNation!.Value,
            Email = a.ForSomeoneElse ? null : Blank(a.Email),
            Phone = a.ForSomeoneElse ? null : Blank(a.Phone),
            Address = Blank(a.Address),
        };
        // Adjustments only when the person said they need them, as the form asks (an API client may send the rest anyway).
        var adjusted = a.NeedsAdjustments == true;
        var adjustments = new Adjustments
        {
            Needs = adjusted ? a.SupportNeeds.Aggregate(SupportNeeds.None, (all, need) => all | need) : SupportNeeds.None,
            ContactPersonName = adjusted ? Blank(a.ContactPersonName) : null,
            ContactPersonRelationship = adjusted ? Blank(a.ContactPersonRelationship) : null,
            ExtraTime = adjusted && a.ExtraTime.Contains("yes"),
            OtherNeeds = adjusted ? Blank(a.OtherNeeds) : null,
            PreferredChannel = a.PreferredChannel!.Value,
            BestTimes = Blank(a.BestTimes),
        };

        var details = new NewComplaint(
            person, representative, adjustments, organisationId, bodyName, sector, a.WhatHappened!, awareOn, a.Impact!, a.OutcomeWanted!,
            a.BodyProcedure!.Value, complainedOn, finalResponseOn, mp, a.LegalRemedy!.Value, acknowledgedOn,
            [.. a.LocalQuestions.Select(q => new NewLocalAnswer(q.PluginId, q.PluginName, q.Key, q.Text, q.Type, q.Stored, q.Choices))]);
        var complaint = Complaint.Submit(details, await db.NextReferenceAsync(time.Today.Year, settings.ReferencePrefix, cancellationToken), time, clocks);
        db.Complaints.Add(complaint);

        foreach (var file in a.Evidence.Take(settings.MaxEvidenceFiles))
        {
            complaint.AddDocument(evidence.AttachDraft(a.DraftId, file, complaint.Id, complaint.ComplainantName), new Actor(null, complaint.ComplainantName), time);
        }

        var (token, hash) = AccessTokens.Create();
        complaint.IssueLink(hash, time.Now.AddMonths(settings.LinkValidityMonths), Actor.Complainant, time);
        var link = urls.Absolute($"/my-complaint/{token}");
        if (complaint.ComplainantEmail is { } email)
        {
            db.Publish(new EmailComplainant(complaint.Id, email, complaint.ComplainantName, $"We have received your complaint {complaint.Reference}",
                $"Dear {complaint.ComplainantName},\n\nThank you for your complaint about {bodyName}. Your reference is {complaint.Reference}.\n\n" +
                $"You can see how your complaint is going, send us more information and reply to us with this private link. Do not share it:\n\n{link}\n\n" +
                $"A caseworker will contact you within {settings.AcknowledgeWithinWorkingDays} working days.\n"));
        }

        return new SubmittedComplaint(complaint.Id, complaint.Reference, token, link);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
