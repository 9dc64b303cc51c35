using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.BodyResponses;
using Phso.Modules.Recommendations.Features.Escalation;
using Phso.Modules.Recommendations.Features.IssueRecommendations;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.Modules.Recommendations.Features.Verification;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Api;

/// <summary>
/// JSON API: caseworkers draft, issue and verify a case's recommendations; managers and admins read them; the body's
/// partner leads and handlers read their own organisation's, accept or refuse them and send evidence (another
/// organisation's is 404). Each endpoint sends the same command the pages send, so the same rules and refusals apply:
/// 400 naming the body's fields, 404, 409 for an illegal move or a stale version, 403.
/// </summary>
internal static class RecommendationsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/cases/{reference}/recommendations").WithTags("Recommendations");
        cases.MapGet("/", (string reference, IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetCaseRecommendations(reference), cancellationToken))
            .WithName(nameof(GetCaseRecommendations)).WithSummary("A decided case's recommendations, drafts included, with their history")
            .RequireAuthorization(RecommendationsPolicies.Read);
        cases.MapPost("/", async (string reference, DraftRecommendation body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var id = await mediator.Send(body with { CaseReference = reference }, cancellationToken);
                return Results.Created($"/api/recommendations/{id}", await mediator.Send(new GetRecommendation(id), cancellationToken));
            })
            .Produces<RecommendationView>(StatusCodes.Status201Created)
            .WithName(nameof(DraftRecommendation)).WithSummary("Write a draft recommendation on an upheld or partly upheld case")
            .WithRequestExample(Example.Draft())
            .RequireAuthorization(RecommendationsPolicies.Work);
        cases.MapPost("/issue", async (string reference, IssueCaseRecommendations body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(body with { CaseReference = reference }, cancellationToken);
                return await mediator.Send(new GetCaseRecommendations(reference), cancellationToken);
            })
            .WithName(nameof(IssueCaseRecommendations)).WithSummary("Issue every draft on the case to the body together; the drafts read (id and version) must be the case's drafts as they stand")
            .WithRequestExample(new IssueCaseRecommendations(Example.Reference, [new DraftRead(Example.RecommendationId, 1)]))
            .RequireAuthorization(RecommendationsPolicies.Work);

        var staff = endpoints.MapGroup("/api/recommendations").WithTags("Recommendations");
        staff.MapGet("/", (RecommendationFilter? filter, int? page, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListRecommendations(filter ?? RecommendationFilter.Outstanding, page ?? 1), cancellationToken))
            .WithName(nameof(ListRecommendations)).WithSummary("Issued recommendations across every body, outstanding and soonest due first, 50 a page")
            .RequireAuthorization(RecommendationsPolicies.Read);
        staff.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new GetRecommendation(id), cancellationToken) is { } found ? Results.Ok(found) : NotFound())
            .Produces<RecommendationView>()
            .WithName(nameof(GetRecommendation)).WithSummary("One recommendation with its history and evidence files")
            .RequireAuthorization(RecommendationsPolicies.Read);
        Move<AgreeAlternative>(staff, "alternative", "After a refusal, record the alternative agreed with the body and its due date", (c, id) => c with { RecommendationId = id },
            new AgreeAlternative(Example.RecommendationId, 3, "Review the policy with the local patient group instead, and publish the result.", DateParts.From(new DateOnly(2027, 3, 31))), staffSide: true);
        Move<AskForMoreEvidence>(staff, "more-evidence", "Ask the body for more evidence, saying what is needed", (c, id) => c with { RecommendationId = id },
            new AskForMoreEvidence(Example.RecommendationId, 4, "Send the signed-off policy, not the draft."), staffSide: true);
        Move<AcceptEvidence>(staff, "accept-evidence", "Accept the evidence: complied, or complied late when it came after the due date", (c, id) => c with { RecommendationId = id },
            new AcceptEvidence(Example.RecommendationId, 4, "The apology letter meets the guidance."), staffSide: true);
        Move<RecordNotComplied>(staff, "not-complied", "Record that the body did not comply; follow-up ends", (c, id) => c with { RecommendationId = id },
            new RecordNotComplied(Example.RecommendationId, 4, "No evidence after two reminders and a letter to the chief executive."), staffSide: true);
        Move<WithdrawRecommendation>(staff, "withdraw", "Withdraw a recommendation (a draft or an issued one), with the reason", (c, id) => c with { RecommendationId = id },
            new WithdrawRecommendation(Example.RecommendationId, 2, "Duplicates the second recommendation."), staffSide: true);
        Move<DecidePublicReport>(staff, "public-report", "Senior managers: on an escalated recommendation, record whether the body will be reported publicly, and why", (c, id) => c with { RecommendationId = id },
            new DecidePublicReport(Example.RecommendationId, 6, true, "Third recommendation this body has not complied with this year."), staffSide: true, RecommendationsPolicies.Escalations);

        var body = endpoints.MapGroup("/api/partner/recommendations").WithTags("Recommendations for bodies");
        body.MapGet("/", (int? page, IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListOurRecommendations(page ?? 1), cancellationToken))
            .WithName(nameof(ListOurRecommendations)).WithSummary("Your organisation's recommendations, outstanding and soonest due first, 50 a page")
            .RequireAuthorization(RecommendationsPolicies.Respond);
        body.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new GetOurRecommendation(id), cancellationToken) is { } found ? Results.Ok(found) : NotFound())
            .Produces<RecommendationView>()
            .WithName(nameof(GetOurRecommendation)).WithSummary("One of your organisation's recommendations with its history")
            .RequireAuthorization(RecommendationsPolicies.Respond);
        Move<AcceptRecommendation>(body, "accept", "Accept the recommendation", (c, id) => c with { RecommendationId = id },
            new AcceptRecommendation(Example.RecommendationId, 2, "Our head of patient experience will lead this."), staffSide: false);
        Move<RefuseRecommendation>(body, "refuse", "Do not accept the recommendation, saying why", (c, id) => c with { RecommendationId = id },
            new RefuseRecommendation(Example.RecommendationId, 2, "The ward has closed; we propose training the staff who moved to the new unit instead."), staffSide: false);
        Move<SendEvidence>(body, "evidence", "Send evidence that the recommendation was done (a description; files are sent through the page)", (c, id) => c with { RecommendationId = id, Files = null },
            new SendEvidence(Example.RecommendationId, 3, "The apology was sent on 2 March 2027 by the chief executive; a copy is attached."), staffSide: false);
    }

    private static void Move<TCommand>(RouteGroupBuilder group, string action, string summary, Func<TCommand, Guid, TCommand> withId, TCommand example, bool staffSide, string? policy = null)
        where TCommand : class, IRequest<Unit>
    {
        group.MapPost($"/{{id:guid}}/{action}", async (Guid id, TCommand command, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(withId(command, id), cancellationToken);
                var found = staffSide ? await mediator.Send(new GetRecommendation(id), cancellationToken) : await mediator.Send(new GetOurRecommendation(id), cancellationToken);
                return Results.Ok(found);
            })
            .Produces<RecommendationView>()
            .WithName(typeof(TCommand).Name).WithSummary(summary)
            .WithRequestExample(example)
            .RequireAuthorization(policy ?? (staffSide ? RecommendationsPolicies.Work : RecommendationsPolicies.Respond));
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such recommendation.");

    /// <summary>The values the description's examples use: fixed, so that the description is the same on every run.</summary>
    private static class Example
    {
        public const string Reference = "PSO-2026-00042";
        public static readonly Guid RecommendationId = new("0199a3c2-8e41-7b6c-a2d5-4f8e1c3b5a77");

        public static DraftRecommendation Draft() => new(
            Reference, RecommendationKind.Individual, RecommendationCategory.FinancialRemedy, 500m,
            "Pay Mrs C £500 in recognition of the distress caused by the delay in diagnosis.", "A copy of the payment confirmation.",
            DueBy.WorkingDays, null, 20);
    }
}
