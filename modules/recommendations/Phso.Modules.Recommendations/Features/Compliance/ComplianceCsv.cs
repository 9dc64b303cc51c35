using System.Globalization;
using CsvHelper;

namespace Phso.Modules.Recommendations.Features.Compliance;

/// <summary>The compliance page's table as CSV: one row per measure, the body's figure and the similar bodies' average.</summary>
internal static class ComplianceCsv
{
    public static IReadOnlyList<(string Measure, Func<ComplianceFigures, decimal?> Value, bool IsPercent)> Measures { get; } =
    [
        ("Complaints decided", f => f.Decided, false),
        ("Upheld or partly upheld", f => f.Upheld, false),
        ("Per cent upheld", f => f.UpheldPercent, true),
        ("Recommendations made", f => f.Made, false),
        ("Complied on time", f => f.CompliedOnTime, false),
        ("Complied late", f => f.CompliedLate, false),
        ("Not complied", f => f.NotComplied, false),
        ("Still outstanding", f => f.Outstanding, false),
        ("Withdrawn", f => f.Withdrawn, false),
        ("Compliance rate (per cent of concluded)", f => f.ComplianceRate, true),
        ("On time (per cent of concluded)", f => f.OnTimeRate, true),
    ];

    public static byte[] Write(BodyCompliance compliance)
    {
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, options, true))
        {
            Row(csv, "Body", "Year", "Measure", compliance.BodyName, "Average of similar bodies");
            foreach (var (measure, value, _) in Measures)
            {
                Row(csv, compliance.BodyName, compliance.Year.Label, measure, Number(value(compliance.Body)), compliance.SimilarAverage is { } average ? Number(value(average)) : "");
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Whole numbers as they are, averages to one decimal place.</summary>
    public static string Number(decimal? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) : "";

    private static void Row(CsvWriter csv, params string[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.EndRecord();
    }
}
