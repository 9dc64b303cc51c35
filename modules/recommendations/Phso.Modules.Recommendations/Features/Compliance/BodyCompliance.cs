using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Features.Compliance;

/// <summary>A financial year, 1 April to 31 March, named by the year it starts in: the year the ombudsman reports by.</summary>
public readonly record struct ReportingYear(int StartYear)
{
    public DateOnly From => new(StartYear, 4, 1);
    public DateOnly To => new(StartYear + 1, 3, 31);
    public string Label => $"April {StartYear} to March {StartYear + 1}";

    public static ReportingYear Of(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);
}

/// <summary>One body's figures for a year, or the average of similar bodies (then fractional). Recommendations count
/// by the decision they came from, in their status today.</summary>
/// <param name="Decided">Complaints decided.</param>
/// <param name="Upheld">Upheld in full or in part.</param>
/// <param name="Made">Recommendations issued (drafts never issued are not counted).</param>
/// <param name="CompliedOnTime">Complied by the due date.</param>
/// <param name="CompliedLate">Complied after it.</param>
/// <param name="NotComplied">Recorded as not complied.</param>
/// <param name="Outstanding">Still being followed up.</param>
/// <param name="Withdrawn">Withdrawn after issue.</param>
public sealed record ComplianceFigures(
    decimal Decided, decimal Upheld, decimal Made, decimal CompliedOnTime, decimal CompliedLate, decimal NotComplied, decimal Outstanding, decimal Withdrawn)
{
    public static readonly ComplianceFigures None = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Per cent of decided complaints upheld in full or in part.</summary>
    public decimal? UpheldPercent => Percent(Upheld, Decided);

    /// <summary>Recommendations whose follow-up has ended with an answer: complied (on time or late) or not.</summary>
    public decimal Concluded => CompliedOnTime + CompliedLate + NotComplied;

    /// <summary>Per cent of concluded recommendations complied with, on time or late (outstanding and withdrawn ones are left out).</summary>
    public decimal? ComplianceRate => Percent(CompliedOnTime + CompliedLate, Concluded);

    /// <summary>Per cent of concluded recommendations complied with by the due date.</summary>
    public decimal? OnTimeRate => Percent(CompliedOnTime, Concluded);

    public ComplianceFigures Plus(ComplianceFigures other) => new(
        Decided + other.Decided, Upheld + other.Upheld, Made + other.Made, CompliedOnTime + other.CompliedOnTime, CompliedLate + other.CompliedLate,
        NotComplied + other.NotComplied, Outstanding + other.Outstanding, Withdrawn + other.Withdrawn);

    public ComplianceFigures DividedBy(int bodies) => new(
        Decided / bodies, Upheld / bodies, Made / bodies, CompliedOnTime / bodies, CompliedLate / bodies, NotComplied / bodies, Outstanding / bodies, Withdrawn / bodies);

    private static decimal? Percent(decimal part, decimal whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A body's compliance for a year beside the average of similar bodies: the same type and sector, other
/// than the body itself, that had a complaint decided in the year. (Rates of the average are worked out from the
/// averaged counts, which is the same as pooling the similar bodies' recommendations.)</summary>
public sealed record BodyCompliance(
    Guid OrganisationId, string BodyName, OrganisationType Type, Sector Sector, ReportingYear Year, DateOnly Today,
    ComplianceFigures Body, ComplianceFigures? SimilarAverage, int SimilarBodies)
{
    /// <summary>When the year's figures were worked out (they are kept for a minute).</summary>
    public DateTimeOffset? CalculatedAt { get; init; }
}

/// <summary>The compliance figures of one body for one reporting year; null when the register has no such body.</summary>
[RequiresPolicy(RecommendationsPolicies.Read)]
public sealed record GetBodyCompliance(Guid OrganisationId, int? Year) : IQuery<BodyCompliance?>;

internal sealed class GetBodyComplianceValidator : AbstractValidator<GetBodyCompliance>
{
    public const int FirstYear = 2000;

    public GetBodyComplianceValidator(TimeProvider clock) =>
        RuleFor(q => q.Year).Must(y => y is null || (y >= FirstYear && y <= ReportingYear.Of(UkTime.Today(clock)).StartYear))
            .WithMessage(q => $"Choose a year from {FirstYear} to {ReportingYear.Of(UkTime.Today(clock)).StartYear}");
}

internal sealed class GetBodyComplianceHandler(RecommendationsDbContext db, IMediator mediator, TimeProvider clock, KeptFigures<int, YearOfCompliance> kept)
    : IRequestHandler<GetBodyCompliance, BodyCompliance?>
{
    public async Task<BodyCompliance?> Handle(GetBodyCompliance request, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganisation(request.OrganisationId), cancellationToken) is not { } body)
        {
            return null;
        }

        var today = UkTime.Today(clock);
        var year = request.Year is { } start ? new ReportingYear(start) : ReportingYear.Of(today);

        // Every body's year is read to compare this one with similar bodies: kept for a minute (the page says when
        // it was worked out), so that a manager paging through bodies does not read the year again for each.
        var (figures, at) = await kept.GetOrCalculateAsync(year.StartYear, async () =>
        {
            var register = await mediator.Send(new ListOrganisations(), cancellationToken);
            var decisions = await mediator.Send(new CountDecisionsByBody(year.From, year.To), cancellationToken);
            var recommendations = await db.Recommendations.AsNoTracking()
                .Where(r => r.IssuedAt != null && r.DecisionDate >= year.From && r.DecisionDate <= year.To)
                .GroupBy(r => new { r.OrganisationId, r.Status })
                .Select(g => new { g.Key.OrganisationId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return new YearOfCompliance(register, decisions, [.. recommendations.Select(r => new StatusCount(r.OrganisationId, r.Status, r.Count))]);
        });
        return ComplianceSums.Compute(body, figures.Register, figures.Decisions, figures.Recommendations, year, today) with { CalculatedAt = at };
    }
}

/// <summary>What a reporting year's compliance figures are worked out from, for every body.</summary>
internal sealed record YearOfCompliance(IReadOnlyList<OrganisationSummary> Register, IReadOnlyList<BodyDecisions> Decisions, IReadOnlyList<StatusCount> Recommendations);

/// <summary>Issued recommendations of one body in one status.</summary>
internal sealed record StatusCount(Guid OrganisationId, RecommendationStatus Status, int Count);

/// <summary>The arithmetic of the compliance page, apart from the reading so that a test can check it against figures
/// worked out by hand.</summary>
internal static class ComplianceSums
{
    public static BodyCompliance Compute(
        OrganisationSummary body, IEnumerable<OrganisationSummary> register, IEnumerable<BodyDecisions> decisions, IReadOnlyList<StatusCount> recommendations,
        ReportingYear year, DateOnly today)
    {
        var similar = register.Where(o => o.Type == body.Type && o.Sector == body.Sector && o.Id != body.Id).Select(o => o.Id).ToHashSet();
        var decided = decisions.ToDictionary(d => d.OrganisationId);
        var made = recommendations.GroupBy(r => r.OrganisationId).ToDictionary(g => g.Key, g => Figures(g.ToList()));

        ComplianceFigures FiguresOf(Guid id) => (made.GetValueOrDefault(id) ?? ComplianceFigures.None) with
        {
            Decided = decided.GetValueOrDefault(id)?.Decided ?? 0,
            Upheld = decided.GetValueOrDefault(id)?.Upheld ?? 0,
        };

        var peers = decided.Keys.Where(similar.Contains).ToList();
        var average = peers.Count == 0 ? null : peers.Select(FiguresOf).Aggregate(ComplianceFigures.None, (sum, f) => sum.Plus(f)).DividedBy(peers.Count);
        return new BodyCompliance(body.Id, body.Name, body.Type, body.Sector, year, today, FiguresOf(body.Id), average, peers.Count);
    }

    private static ComplianceFigures Figures(List<StatusCount> counts)
    {
        int Count(RecommendationStatus status) => counts.Where(r => r.Status == status).Sum(r => r.Count);
        var made = counts.Sum(r => r.Count);
        var onTime = Count(RecommendationStatus.Complied);
        var late = Count(RecommendationStatus.CompliedLate);
        var not = Count(RecommendationStatus.NotComplied);
        var withdrawn = Count(RecommendationStatus.Withdrawn);
        return new ComplianceFigures(0, 0, made, onTime, late, not, made - onTime - late - not - withdrawn, withdrawn);
    }
}

/// <summary>The bodies that have been issued recommendations, for choosing one, by name.</summary>
[RequiresPolicy(RecommendationsPolicies.Read)]
public sealed record ListBodiesWithRecommendations : IQuery<IReadOnlyList<BodyWithRecommendations>>;

public sealed record BodyWithRecommendations(Guid OrganisationId, string Name);

internal sealed class ListBodiesWithRecommendationsHandler(RecommendationsDbContext db) : IRequestHandler<ListBodiesWithRecommendations, IReadOnlyList<BodyWithRecommendations>>
{
    public async Task<IReadOnlyList<BodyWithRecommendations>> Handle(ListBodiesWithRecommendations request, CancellationToken cancellationToken) =>
        [.. (await db.Recommendations.AsNoTracking().Where(r => r.IssuedAt != null).Select(r => new { r.OrganisationId, r.BodyName }).Distinct().ToListAsync(cancellationToken))
            .GroupBy(b => b.OrganisationId).Select(g => new BodyWithRecommendations(g.Key, g.Min(b => b.BodyName)!)).OrderBy(b => b.Name, StringComparer.Ordinal)];
}
