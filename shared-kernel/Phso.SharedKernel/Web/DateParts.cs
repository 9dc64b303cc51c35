using System.Globalization;

namespace Phso.SharedKernel.Web;

/// <summary>
/// What someone typed into a GOV.UK date input: day, month and year as text, so that nothing typed is lost when the
/// page is shown again. <see cref="TryRead"/> turns it into a date or into GOV.UK's standard error message.
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>Reads the date, or says what is wrong in GOV.UK's words, e.g. "Date you became aware of the problem must
    /// include a month". <paramref name="what"/> is the date's name as a sentence subject ("Date you complained").</summary>
    public bool TryRead(string what, out DateOnly date, out string? error, DateOnly? notAfter = null)
    {
        ArgumentNullException.ThrowIfNull(what);
        date = default;
        var missing = new[] { ("a day", Day), ("a month", Month), ("a year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count == 3)
        {
            error = $"Enter the {char.ToLowerInvariant(what[0])}{what[1..]}";
            return false;
        }

        if (missing.Count > 0)
        {
            error = $"{what} must include {string.Join(" and ", missing)}";
            return false;
        }

        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || Year!.Trim().Length != 4 || month is < 1 or > 12 || year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"{what} must be a real date";
            return false;
        }

        date = new DateOnly(year, month, day);
        if (notAfter is { } latest && date > latest)
        {
            error = $"{what} must be today or in the past";
            return false;
        }

        error = null;
        return true;
    }
}
