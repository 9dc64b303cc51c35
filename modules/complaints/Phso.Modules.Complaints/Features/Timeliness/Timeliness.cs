using System.Globalization;
using CsvHelper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Persistence;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Complaints.Features.Timeliness;

/// <summary>How casework is keeping to time: the open cases by stage and age, the charter clocks kept, and the
/// decisions made each month with how long they took. <paramref name="Months"/> is the period the monthly figures
/// and clock figures cover, ending this month.</summary>
[RequiresPolicy(ComplaintsPolicies.Timeliness)]
public sealed record GetTimeliness(Sector? Sector = null, int Months = 12) : IQuery<TimelinessReport>;

/// <summary>The dashboard's figures; <c>CalculatedAt</c> says when they were worked out (they are kept for a minute).</summary>
public sealed record TimelinessReport(
    DateOnly Today, Sector? Sector, int Months, IReadOnlyList<StageCount> OpenByStage, IReadOnlyList<AgeBand> OpenByAge, int OpenOverdue,
    IReadOnlyList<ClockPerformance> Clocks, IReadOnlyList<MonthOfDecisions> Decisions, DateTimeOffset CalculatedAt)
{
    public int OpenTotal => OpenByStage.Sum(s => s.Count);
}

public sealed record StageCount(CaseStage Stage, int Count);

public sealed record AgeBand(string Label, int Count);

/// <summary>Clocks of one kind that ended in the period: met on time, met late. Stopped clocks (the case ended) are left out.</summary>
public sealed record ClockPerformance(ClockKind Kind, int Met, int MetLate)
{
    public int Total => Met + MetLate;

    /// <summary>Percentage met on time, or null when there were none.</summary>
    public int? PercentOnTime => Total == 0 ? null : (int)Math.Round(100.0 * Met / Total, MidpointRounding.AwayFromZero);
}

/// <summary>Cases that ended with a decision in one month: by outcome, declined, and the median working days from receipt.</summary>
public sealed record MonthOfDecisions(int Year, int Month, IReadOnlyDictionary<ComplaintOutcome, int> ByOutcome, int Declined, int? MedianWorkingDays)
{
    public int Total => ByOutcome.Values.Sum() + Declined;

    public string Label => new DateOnly(Year, Month, 1).ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

internal sealed class GetTimelinessHandler(ComplaintsDbContext db, IWorkingDayCalendar calendar, TimeProvider clock, KeptFigures<GetTimeliness, TimelinessReport> figures)
    : IRequestHandler<GetTimeliness, TimelinessReport>
{
    private static readonly CaseStage[] Ended = [CaseStage.Decided, CaseStage.Closed, CaseStage.Declined, CaseStage.Withdrawn];

    // Summing every decision of the period (tens of thousands a year) takes far longer than a page should: the figures
    // are kept for a minute (KeptFigures), and the page says when they were worked out.
    public async Task<TimelinessReport> Handle(GetTimeliness request, CancellationToken cancellationToken) =>
        (await figures.GetOrCalculateAsync(request with { Months = Math.Clamp(request.Months, 1, 36) }, () => CalculateAsync(request, cancellationToken))).Figures;

    private async Task<TimelinessReport> CalculateAsync(GetTimeliness request, CancellationToken cancellationToken)
    {
        var today = CaseTime.From(clock).Today;
        var months = Math.Clamp(request.Months, 1, 36);
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        var cases = db.Complaints.AsNoTracking();
        if (request.Sector is { } sector)
        {
            cases = cases.Where(c => c.Sector == sector);
        }

        var open = cases.Where(c => !Ended.Contains(c.Stage));
        var byStage = await open.GroupBy(c => c.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var openReceived = await open.Select(c => c.ReceivedOn).ToListAsync(cancellationToken);
        var overdue = await open.CountAsync(c => c.ClockStatus == ClockStatus.Overdue, cancellationToken);

        var clocks = await db.Clocks.AsNoTracking()
            .Where(k => k.CompletedOn >= from && (k.State == ClockState.Met || k.State == ClockState.MetLate) && cases.Any(c => c.Id == k.ComplaintId))
            .GroupBy(k => new { k.Kind, k.State }).Select(g => new { g.Key.Kind, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var decided = await cases.Where(c => c.DecidedOn >= from)
            .Select(c => new { c.DecidedOn, c.Outcome, c.ReceivedOn, c.Person.Nation })
            .ToListAsync(cancellationToken);

        var byMonth = decided.ToLookup(d => (d.DecidedOn!.Value.Year, d.DecidedOn.Value.Month));
        var monthly = Enumerable.Range(0, months).Select(i => from.AddMonths(i)).Select(month =>
        {
            var inMonth = byMonth[(month.Year, month.Month)].ToList();
            var durations = inMonth.Select(d => calendar.WorkingDaysBetween(d.ReceivedOn, d.DecidedOn!.Value, d.Nation)).Order().ToList();
            return new MonthOfDecisions(
                month.Year, month.Month,
                Enum.GetValues<ComplaintOutcome>().ToDictionary(o => o, o => inMonth.Count(d => d.Outcome == o)),
                inMonth.Count(d => d.Outcome is null),
                Median(durations));
        }).ToList();

        return new TimelinessReport(
            today, request.Sector, months,
            [.. Enum.GetValues<CaseStage>().Where(s => !Ended.Contains(s)).Select(s => new StageCount(s, byStage.SingleOrDefault(b => b.Stage == s)?.Count ?? 0))],
            AgeBands(openReceived, today), overdue,
            [.. Enum.GetValues<ClockKind>().Select(kind => new ClockPerformance(kind,
                clocks.Where(c => c.Kind == kind && c.State == ClockState.Met).Sum(c => c.Count),
                clocks.Where(c => c.Kind == kind && c.State == ClockState.MetLate).Sum(c => c.Count)))],
            monthly, clock.GetUtcNow());
    }

    private static List<AgeBand> AgeBands(List<DateOnly> received, DateOnly today) =>
    [
        new("Under 1 month", received.Count(r => r > today.AddMonths(-1))),
        new("1 to 3 months", received.Count(r => r <= today.AddMonths(-1) && r > today.AddMonths(-3))),
        new("3 to 6 months", received.Count(r => r <= today.AddMonths(-3) && r > today.AddMonths(-6))),
        new("6 to 12 months", received.Count(r => r <= today.AddMonths(-6) && r > today.AddMonths(-12))),
        new("Over 12 months", received.Count(r => r <= today.AddMonths(-12))),
    ];

    private static int? Median(List<int> sorted) => sorted.Count == 0
        ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (int)Math.Round((sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0, MidpointRounding.AwayFromZero);
}

/// <summary>The report's figures as CSV in long form (one figure per row: section, period, measure, value), which
/// spreadsheets pivot and analysis tools read without reshaping.</summary>
internal static class TimelinessCsv
{
    public static byte[] Write(TimelinessReport report)
    {
        // Excel needs the byte order mark to read UTF-8; the labels are ours, but escaping formulas costs nothing.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, options, true))
        {
            Row(csv, "Section", "Period", "Measure", "Value");
            var today = report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var period = $"Last {report.Months} months to {today}";
            foreach (var month in report.Decisions)
            {
                var label = $"{month.Year:0000}-{month.Month:00}";
                foreach (var outcome in Enum.GetValues<ComplaintOutcome>())
                {
                    Row(csv, "Decisions", label, outcome.Describe(), Number(month.ByOutcome[outcome]));
                }

                Row(csv, "Decisions", label, "Declined", Number(month.Declined));
                Row(csv, "Decisions", label, "Total", Number(month.Total));
                Row(csv, "Decisions", label, "Median working days from receipt", month.MedianWorkingDays is { } median ? Number(median) : "");
            }

            foreach (var stage in report.OpenByStage)
            {
                Row(csv, "Open cases by stage", today, CaseStages.Describe(stage.Stage), Number(stage.Count));
            }

            foreach (var band in report.OpenByAge)
            {
                Row(csv, "Open cases by age", today, band.Label, Number(band.Count));
            }

            Row(csv, "Open cases", today, "Charter clock overdue", Number(report.OpenOverdue));
            foreach (var kind in report.Clocks)
            {
                Row(csv, "Charter clocks", period, $"{kind.Kind.Describe()} met on time", Number(kind.Met));
                Row(csv, "Charter clocks", period, $"{kind.Kind.Describe()} met late", Number(kind.MetLate));
            }
        }

        return bytes.ToArray();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(CsvWriter csv, params string[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.EndRecord();
    }
}
