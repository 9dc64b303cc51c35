using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Features.BodyResponses;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages.Recommendations;

/// <summary>A caseworker's move and the page it is made on.</summary>
public sealed record StaffAction(RecommendationMove Move, string Slug, string Title);

/// <summary>One recommendation for staff: what it asks, its history and evidence, and the caseworker's moves open now.</summary>
[Authorize(Policy = RecommendationsPolicies.Read)]
public sealed class RecommendationModel(IMediator mediator) : PhsoPageModel
{
    /// <summary>The caseworker's moves, each on its own page (the state machine says which are open).</summary>
    public static IReadOnlyList<StaffAction> Actions { get; } =
    [
        new(RecommendationMove.AcceptEvidence, "accept-evidence", "Accept the evidence"),
        new(RecommendationMove.AskForMoreEvidence, "more-evidence", "Ask for more evidence"),
        new(RecommendationMove.AgreeAlternative, "alternative", "Record an alternative agreed with the body"),
        new(RecommendationMove.RecordNotComplied, "not-complied", "Record that the body did not comply"),
        new(RecommendationMove.Withdraw, "withdraw", "Withdraw the recommendation"),
    ];

    public RecommendationView Recommendation { get; private set; } = default!;

    public bool CanWork => User.IsInRole(Roles.Caseworker);

    public bool CanDecide => User.IsInRole(Roles.Manager);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetRecommendation(id), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Recommendation = found;
        return Page();
    }
}

/// <summary>An evidence file, only ever as a download: never shown inline, never sniffed, sandboxed. Staff may open
/// any; a body only its own (<see cref="PartnerRecommendations.OurEvidenceFileModel"/>).</summary>
[Authorize(Policy = RecommendationsPolicies.Read)]
public sealed class EvidenceFileModel(IMediator mediator, EvidenceFiles files) : PhsoPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetRecommendation(id), cancellationToken) is { } found ? Download(Response, files, found, fileId) : NotFound();

    public static IActionResult Download(HttpResponse response, EvidenceFiles files, RecommendationView recommendation, Guid fileId)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(files);
        if (recommendation?.Files.SingleOrDefault(f => f.Id == fileId) is not { } file)
        {
            return new NotFoundResult();
        }

        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers.CacheControl = "private, no-store";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return new FileStreamResult(files.Open(recommendation.Id, file.Id), file.ContentType) { FileDownloadName = file.FileName };
    }
}
