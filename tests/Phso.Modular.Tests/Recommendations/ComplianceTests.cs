using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.Compliance;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Time;

namespace Phso.Modular.Tests.Recommendations;

/// <summary>Compliance by body: the arithmetic against figures worked out by hand, and the page, CSV and letter
/// showing the same figures for the demo's partner.</summary>
[Collection(DemoHostCollection.Name)]
public sealed class ComplianceTests(PhsoFactory host)
{
    private static OrganisationSummary Body(string name, OrganisationType type, Sector sector) =>
        new(Guid.NewGuid(), name, type, sector, Nation.England, true, false, null, null, 1);

    [Fact]
    public void The_figures_and_the_average_of_similar_bodies_are_those_worked_out_by_hand()
    {
        var trust = Body("Trust A", OrganisationType.NhsTrust, Sector.Health);
        var peerB = Body("Trust B", OrganisationType.NhsTrust, Sector.Health);
        var peerC = Body("Trust C", OrganisationType.NhsTrust, Sector.Health);
        var practice = Body("Practice D", OrganisationType.GpPractice, Sector.Health); // another type
        var quiet = Body("Trust F", OrganisationType.NhsTrust, Sector.Health); // similar, but nothing decided this year
        var decisions = new[] { new BodyDecisions(trust.Id, 8, 3), new BodyDecisions(peerB.Id, 4, 2), new BodyDecisions(peerC.Id, 2, 0), new BodyDecisions(practice.Id, 10, 9) };
        var recommendations = new List<StatusCount>
        {
            new(trust.Id, RecommendationStatus.Complied, 2), new(trust.Id, RecommendationStatus.CompliedLate, 1), new(trust.Id, RecommendationStatus.NotComplied, 1),
            new(trust.Id, RecommendationStatus.Overdue, 1), new(trust.Id, RecommendationStatus.Accepted, 1), new(trust.Id, RecommendationStatus.Withdrawn, 1),
            new(peerB.Id, RecommendationStatus.Complied, 3), new(peerB.Id, RecommendationStatus.NotComplied, 1),
            new(practice.Id, RecommendationStatus.NotComplied, 5),
        };

        var result = ComplianceSums.Compute(trust, [trust, peerB, peerC, practice, quiet], decisions, recommendations, new ReportingYear(2026), new DateOnly(2027, 5, 1));

        // Trust A: 3 of 8 upheld is 37.5%; 7 made, of which 2 outstanding and 1 withdrawn leave 4 concluded: 3 complied (75%), 2 on time (50%).
        Assert.Equal(new ComplianceFigures(8, 3, 7, 2, 1, 1, 2, 1), result.Body);
        Assert.Equal(37.5m, result.Body.UpheldPercent);
        Assert.Equal(75m, result.Body.ComplianceRate);
        Assert.Equal(50m, result.Body.OnTimeRate);

        // Similar bodies are B and C (same type and sector, a decision this year, not A itself): (4+2)/2 = 3 decided,
        // (2+0)/2 = 1 upheld (33.3%), (4+0)/2 = 2 made, 1.5 on time, 0.5 not complied: 75% complied, all of it on time.
        Assert.Equal(2, result.SimilarBodies);
        Assert.Equal(new ComplianceFigures(3, 1, 2, 1.5m, 0, 0.5m, 0, 0), result.SimilarAverage);
        Assert.Equal(33.3m, result.SimilarAverage!.UpheldPercent);
        Assert.Equal(75m, result.SimilarAverage.ComplianceRate);
        Assert.Equal(75m, result.SimilarAverage.OnTimeRate);

        // A body with no similar bodies has no average, and rates with nothing to count are not a zero.
        var alone = ComplianceSums.Compute(practice, [trust, practice], decisions, recommendations, new ReportingYear(2026), new DateOnly(2027, 5, 1));
        Assert.Null(alone.SimilarAverage);
        Assert.Null(ComplianceFigures.None.ComplianceRate);
    }

    [Fact]
    public void A_reporting_year_runs_from_april_to_march()
    {
        Assert.Equal(2026, ReportingYear.Of(new DateOnly(2027, 3, 31)).StartYear);
        Assert.Equal(2027, ReportingYear.Of(new DateOnly(2027, 4, 1)).StartYear);
        Assert.Equal("April 2026 to March 2027", new ReportingYear(2026).Label);
    }

    [Fact]
    public async Task The_page_the_csv_and_the_letter_show_the_same_figures_and_bad_choices_are_refused()
    {
        var (organisationId, year, made) = await ColdharboursYearAsync();
        var manager = host.CreateBrowser();
        await manager.SignInAsync(Demo.Manager);
        var page = WebUtility.HtmlDecode(await manager.GetPageAsync($"/recommendations/compliance?organisationId={organisationId}&year={year}"));
        Assert.Contains("Compliance: Coldharbour", page, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\" class=\"govuk-table__header\">Recommendations made</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">{made}</td>", page, StringComparison.Ordinal);

        var csv = await manager.GetAsync($"/recommendations/compliance?handler=Csv&organisationId={organisationId}&year={year}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(rows, r => r.Contains(",Recommendations made," + made.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var letter = WebUtility.HtmlDecode(await manager.GetPageAsync($"/recommendations/compliance/letter?organisationId={organisationId}&year={year}"));
        Assert.Contains($"we made {made} recommendation", letter, StringComparison.Ordinal);

        await manager.GetPageAsync($"/recommendations/compliance?organisationId={Guid.NewGuid()}&year={year}", HttpStatusCode.NotFound);
        var badYear = await manager.GetAsync($"/recommendations/compliance?organisationId={organisationId}&year=1990");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Contains("href=\"#Year\"", await badYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Coldharbour's reporting year of its demo recommendations, and how many were issued from that year's decisions (counted here directly).</summary>
    private async Task<(Guid OrganisationId, int Year, int Made)> ColdharboursYearAsync()
    {
        await using var scope = host.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>();
        var issued = await db.Recommendations.Where(r => r.IssuedAt != null && r.BodyName.StartsWith("Coldharbour")).Select(r => new { r.OrganisationId, r.DecisionDate }).ToListAsync();
        var year = ReportingYear.Of(issued.Max(r => r.DecisionDate));
        return (issued[0].OrganisationId, year.StartYear, issued.Count(r => r.DecisionDate >= year.From && r.DecisionDate <= year.To));
    }
}
