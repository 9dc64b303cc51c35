using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.Compliance;
using Phso.SharedKernel.Time;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages.Recommendations;

/// <summary>Compliance by body and year: the body's figures beside the average of similar bodies, as a chart with its
/// table, a CSV and a printable annual letter. Choosing is a GET form: the address can be shared and bookmarked.</summary>
[Authorize(Policy = RecommendationsPolicies.Read)]
public sealed class ComplianceModel(IMediator mediator, TimeProvider clock) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? OrganisationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<ChoiceItem> Bodies { get; private set; } = [];

    public IReadOnlyList<ChoiceItem> Years { get; private set; } = [];

    public BodyCompliance? Compliance { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Of(UkTime.Today(clock)).StartYear;
        Years = [.. Enumerable.Range(0, 6).Select(back => new ReportingYear(current - back)).Select(y => new ChoiceItem(y.StartYear.ToString(CultureInfo.InvariantCulture), y.Label))];
        Bodies = [.. (await mediator.Send(new ListBodiesWithRecommendations(), cancellationToken)).Select(b => new ChoiceItem(b.OrganisationId.ToString(), b.Name))];
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Compliance is not { } found)
        {
            return BadRequest("Choose a body (organisationId) and a year.");
        }

        return File(ComplianceCsv.Write(found), "text/csv; charset=utf-8", $"compliance-{found.OrganisationId}-{found.Year.StartYear}.csv");
    }

    /// <summary>Loads the figures when a body is chosen; a result only to stop with (no such body, or a bad year).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        if (OrganisationId is not { } id)
        {
            return null;
        }

        BodyCompliance? found = null;
        if (!await TryAsync(async () => found = await mediator.Send(new GetBodyCompliance(id, Year), cancellationToken), prefix: ""))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        if (found is null)
        {
            return NotFound();
        }

        Compliance = found;
        Year = found.Year.StartYear;
        return null;
    }
}
