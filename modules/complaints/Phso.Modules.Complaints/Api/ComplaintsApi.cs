using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Complaints.Features.BodyComments;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.Modules.Complaints.Features.Timeliness;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Api;

/// <summary>
/// JSON API: the public submits a complaint; caseworkers read the queue and cases and take every action the pages
/// offer (each is the same command, so the same rules and refusals apply); managers read timeliness; partner leads
/// read and comment on provisional views. Refusals come back as problem details (400 with the fields to fix, 404,
/// 409 for a rule or a stale version, 403).
/// </summary>
internal static class ComplaintsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/complaints", async (ComplaintAnswers answers, IMediator mediator, CancellationToken cancellationToken) =>
            {
                // Files come only through the form's upload page; a client cannot point at stored drafts.
                answers.Evidence = [];
                answers.DraftId = Guid.NewGuid();
                var submitted = await mediator.Send(new SubmitComplaint(answers), cancellationToken);
                return Results.Created($"/my-complaint/{submitted.Token}", new ComplaintReceipt(submitted.Reference, submitted.Link));
            })
            .WithTags("Complaints")
            .Produces<ComplaintReceipt>(StatusCodes.Status201Created)
            .WithName("SubmitComplaint").WithSummary("Make a complaint, as the public form does; answers with its reference and the complainant's private link")
            .WithRequestExample(Example.Complaint())
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(SharedKernel.Web.RateLimits.PublicForms);

        // The questions partner plugins add for an organisation: a client sends them back in LocalQuestions with
        // Answer (or Date) filled in, as the form does.
        endpoints.MapGet("/api/complaints/questions", async (Guid organisationId, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new GetOrganisation(organisationId), cancellationToken) is { ClosedOn: null } organisation
                    ? Results.Ok(await LocalQuestionsFor.OrganisationAsync(mediator, organisation.Name, [], cancellationToken))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No open organisation in the register has that id."))
            .WithTags("Complaints")
            .Produces<List<LocalQuestion>>()
            .WithName("GetLocalQuestions").WithSummary("The questions an organisation's partner plugins add to a complaint about it")
            .AllowAnonymous()
            .RequireRateLimiting(SharedKernel.Web.RateLimits.PublicForms);

        var cases = endpoints.MapGroup("/api/cases").WithTags("Casework");
        cases.MapGet("/", (IMediator mediator, CaseStage? stage, Priority? priority, Guid? organisation, string? assigned, ClockStatus? clock, bool? includeEnded,
                    QueueSort? sort, int? page, int? pageSize, CancellationToken cancellationToken) =>
                mediator.Send(new ListCases(stage, priority, organisation, assigned, clock, includeEnded ?? false, sort ?? QueueSort.Oldest, page ?? 1, pageSize ?? 25), cancellationToken))
            .WithName("ListCases").WithSummary("The caseworkers' queue: cases filtered and sorted, a page at a time")
            .RequireAuthorization(ComplaintsPolicies.ReadCasework);

        cases.MapGet("/timeliness", (IMediator mediator, Sector? sector, int? months, CancellationToken cancellationToken) =>
                mediator.Send(new GetTimeliness(sector, months ?? 12), cancellationToken))
            .WithName("GetTimeliness").WithSummary("How promptly cases are dealt with against the service charter, month by month")
            .RequireAuthorization(ComplaintsPolicies.Timeliness);

        cases.MapGet("/{reference}", async (string reference, IMediator mediator, CancellationToken cancellationToken) => await CaseAsync(mediator, reference, cancellationToken))
            .Produces<CaseResource>()
            .WithName("GetCase").WithSummary("A case: its details, checks, clocks, timeline and the steps it allows now")
            .RequireAuthorization(ComplaintsPolicies.ReadCasework);

        Action<StartChecks>(cases, "start-checks", "Start the preliminary checks", (c, r) => c with { Reference = r },
            new StartChecks(Example.Reference, 3));
        Action<DecideCheck>(cases, "checks", "Record the decision on one eligibility check", (c, r) => c with { Reference = r },
            new DecideCheck(Example.Reference, 4, EligibilityCheck.InTime, true, null));
        Action<CompleteChecks>(cases, "complete-checks", "Complete the preliminary checks", (c, r) => c with { Reference = r },
            new CompleteChecks(Example.Reference, 9));
        Action<ChangeFacts>(cases, "facts", "Correct the facts of the complaint", (c, r) => c with { Reference = r },
            new ChangeFacts(Example.Reference, 5, Example.Date(2, 10, 2026), Domain.BodyProcedure.Finished, Example.Date(5, 10, 2026), Example.Date(7, 10, 2026), Example.Date(2, 11, 2026), null, null, new SharedKernel.Web.DateParts(), LegalRemedy.No));
        Action<LinkBody>(cases, "link-body", "Link the body complained about to the organisation register", (c, r) => c with { Reference = r },
            new LinkBody(Example.Reference, 5, Example.OrganisationId));
        Action<ChooseRoute>(cases, "route", "Choose how the case is handled: assessment or investigation", (c, r) => c with { Reference = r },
            new ChooseRoute(Example.Reference, 10, CaseStage.Investigation, "The trust has not put things right and the injustice is serious."));
        Action<ResolveCase>(cases, "resolve", "Record an early resolution", (c, r) => c with { Reference = r },
            new ResolveCase(Example.Reference, 11, "The trust apologised in writing and refunded the parking charges; Mrs Adeyemi is content."));
        Action<ShareProvisionalView>(cases, "provisional-view", "Share the provisional view and set when comments are due", (c, r) => c with { Reference = r },
            new ShareProvisionalView(Example.Reference, 12, "## What happened\n\nThe ward discharged Mr Adeyemi at night without transport or his medicines.\n\n## What we think\n\nWe are minded to uphold the complaint.", Example.Date(15, 1, 2030)));
        Action<RecordBodyComment>(cases, "body-comment", "Record the organisation's comments on the provisional view", (c, r) => c with { Reference = r },
            new RecordBodyComment(Example.Reference, 13, "The trust accepts the findings and has changed its discharge checklist."));
        Action<RecordDecision>(cases, "decision", "Record the final decision", (c, r) => c with { Reference = r },
            new RecordDecision(Example.Reference, 14, Contracts.ComplaintOutcome.Upheld, "## Our decision\n\nWe uphold the complaint. The trust should apologise and review night-time discharges."));
        Action<CloseCase>(cases, "close", "Close the case", (c, r) => c with { Reference = r },
            new CloseCase(Example.Reference, 15));
        Action<DeclineComplaint>(cases, "decline", "Decline the complaint, with the reasons and where to go instead", (c, r) => c with { Reference = r, Reasons = c.Reasons ?? [] },
            new DeclineComplaint(Example.Reference, 6, [DeclineReason.Premature], Signpost.BodyComplaintsProcedure, "The trust has not yet finished looking into your complaint. Please let it finish first; you can come back to us after its final response."));
        Action<WithdrawComplaint>(cases, "withdraw", "Record that the complaint is withdrawn, with the reason", (c, r) => c with { Reference = r },
            new WithdrawComplaint(Example.Reference, 7, "Mrs Adeyemi told us by phone on 3 November that the trust has apologised and she does not want to go on."));
        Action<RecordReviewOutcome>(cases, "review-outcome", "Record the outcome of a review of the decision", (c, r) => c with { Reference = r },
            new RecordReviewOutcome(Example.Reference, 18, ReviewOutcome.DecisionStands, "The new information does not change what we found: the discharge followed the trust's policy."));
        Action<AssignCase>(cases, "assign", "Assign the case to a caseworker, or unassign it", (c, r) => c with { Reference = r },
            new AssignCase(Example.Reference, 2, Example.PersonId));
        Action<SetPriority>(cases, "priority", "Set the case's priority and why", (c, r) => c with { Reference = r, Reasons = c.Reasons ?? [] },
            new SetPriority(Example.Reference, 3, Priority.High, [PriorityReasons.TerminalIllness], "Mr Adeyemi is receiving palliative care."));
        Action<AddNote>(cases, "notes", "Add an internal note", (c, r) => c with { Reference = r },
            new AddNote(Example.Reference, 4, "Spoke to the trust's complaints manager: the discharge records will follow by Friday."));
        Action<SendMessage>(cases, "messages", "Send the complainant a message", (c, r) => c with { Reference = r },
            new SendMessage(Example.Reference, 4, "Thank you for the photographs. We have added them to your case."));
        Action<SendNewLink>(cases, "link", "Send the complainant a new private link", (c, r) => c with { Reference = r },
            new SendNewLink(Example.Reference));
        Action<RevokeLink>(cases, "link/revoke", "Stop the complainant's private links, with the reason", (c, r) => c with { Reference = r },
            new RevokeLink(Example.Reference, 4, "Mrs Adeyemi forwarded the link to the wrong person by mistake."));

        // A document as multipart form data (field "file"): PDF or image, checked by content like the page's upload.
        cases.MapPost("/{reference}/documents", async (string reference, IFormFile file, IMediator mediator, EvidenceStore store, ICurrentUser me, CancellationToken cancellationToken) =>
            {
                if (await mediator.Send(new GetCase(reference), cancellationToken) is not { } view)
                {
                    return NotFound(reference);
                }

                CaseDocument document;
                try
                {
                    await using var stream = file.OpenReadStream();
                    document = await store.SaveForCaseAsync(view.Complaint.Id, file.FileName, stream, me.DisplayName, fromComplainant: false, cancellationToken);
                }
                catch (FileRefusedException e)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [e.Message] });
                }

                await mediator.Send(new AddCaseDocument(reference, document), cancellationToken);
                return await CaseAsync(mediator, reference, cancellationToken);
            })
            .Produces<CaseResource>()
            .WithName("AddCaseDocument").WithSummary("Add a document to the case (multipart form data, field \"file\": PDF or image)")
            .RequireAuthorization(ComplaintsPolicies.WorkCases)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(12 * 1024 * 1024));

        var partner = endpoints.MapGroup("/api/partner/provisional-views").WithTags("Partner organisations").RequireAuthorization(ComplaintsPolicies.BodyComments);
        partner.MapGet("/", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListSharedProvisionalViews(), cancellationToken))
            .WithName("ListSharedProvisionalViews").WithSummary("The provisional views shared with the signed-in lead's organisation");
        partner.MapGet("/{reference}", async (string reference, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.Send(new GetSharedProvisionalView(reference), cancellationToken) is { } view ? Results.Ok(view) : NotFound(reference))
            .Produces<SharedProvisionalView>()
            .WithName("GetSharedProvisionalView").WithSummary("One provisional view shared with the organisation, with its comments so far");
        partner.MapPost("/{reference}/comments", async (string reference, OrganisationComment body, IMediator mediator, CancellationToken cancellationToken) =>
        {
            await mediator.Send(new CommentAsOrganisation(reference, body.Comment), cancellationToken);
            return Results.Ok(await mediator.Send(new GetSharedProvisionalView(reference), cancellationToken));
        })
        .Produces<SharedProvisionalView>()
        .WithName("CommentAsOrganisation").WithSummary("Send the organisation's comments on a provisional view, while the window is open")
        .WithRequestExample(new OrganisationComment("We accept the findings. We have changed our night-time discharge checklist and will send it to you."));
    }

    /// <summary>POST /api/cases/{reference}/{action}: the body is the command (its reference comes from the address);
    /// the answer is the case as it is afterwards.</summary>
    private static void Action<TCommand>(RouteGroupBuilder cases, string action, string summary, Func<TCommand, string, TCommand> withReference, TCommand example)
        where TCommand : class, IRequest<Unit>
    {
        cases.MapPost($"/{{reference}}/{action}", async (string reference, TCommand command, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(withReference(command, reference), cancellationToken);
                return await CaseAsync(mediator, reference, cancellationToken);
            })
            .Produces<CaseResource>()
            .WithName(typeof(TCommand).Name).WithSummary(summary)
            .WithRequestExample(example)
            .RequireAuthorization(ComplaintsPolicies.WorkCases);
    }

    private static async Task<IResult> CaseAsync(IMediator mediator, string reference, CancellationToken cancellationToken) =>
        await mediator.Send(new GetCase(reference), cancellationToken) is { } view ? Results.Ok(CaseResource.From(view)) : NotFound(reference);

    /// <summary>What a complaint made through the API is answered with: its reference and the complainant's private link.</summary>
    internal sealed record ComplaintReceipt(string Reference, string PrivateLink);

    private static IResult NotFound(string reference) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no case with the reference {reference}.");

    internal sealed record OrganisationComment(string? Comment);

    /// <summary>The values the description's examples use: fixed, so that the description is the same on every run.</summary>
    private static class Example
    {
        public const string Reference = "PSO-2026-00042";
        public static readonly Guid OrganisationId = new("0199a3c2-5b7e-7c1d-9f24-3e8a6b0d4f11");
        public static readonly Guid PersonId = new("0199a3c2-6a11-7e42-8b35-1c9d7e2f5a08");

        public static SharedKernel.Web.DateParts Date(int day, int month, int year) => new()
        {
            Day = day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Month = month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Year = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        /// <summary>A complaint about a body not in the register (so no register id is needed), made by the person themselves.</summary>
        public static ComplaintAnswers Complaint() => new()
        {
            DraftId = new Guid("0199a3c2-7d30-7a5b-a6c4-2f7e9b1c3d55"),
            Who = "myself",
            PersonName = "Grace Adeyemi",
            PersonNation = SharedKernel.Time.Nation.England,
            Email = "grace.adeyemi@example.com",
            PreferredChannel = ContactChannel.Email,
            BodyNotListed = "yes",
            BodyNameGiven = "Northbrook Community Health NHS Trust",
            BodySector = Sector.Health,
            WhatHappened = "The ward discharged my father at night with no transport home and no medicines.",
            AwareOn = Date(2, 10, 2026),
            Impact = "He was stranded for hours and missed two doses of his heart medicine.",
            OutcomeWanted = "An apology and safer discharge at night.",
            BodyProcedure = Domain.BodyProcedure.Finished,
            ComplainedOn = Date(5, 10, 2026),
            FinalResponseOn = Date(2, 11, 2026),
            LegalRemedy = LegalRemedy.No,
            NeedsAdjustments = false,
        };
    }
}
