using System.Globalization;
using System.Text.RegularExpressions;

namespace Phso.Modules.Publication.Anonymisation;

/// <summary>Dates of birth (removed), other exact dates (kept to the month and year, which is what learning needs)
/// and ages over 89 (few enough people to be found by it).</summary>
internal static partial class DatesAndAges
{
    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    public static IEnumerable<Finding> Find(string text)
    {
        foreach (var (match, month, year) in Dates(text))
        {
            var label = BirthLabel().Match(text[Math.Max(0, match.Index - 30)..match.Index]);
            if (label.Success)
            {
                yield return new(match.Index, match.Length, IdentifierKind.DateOfBirth, "[date of birth removed]", "A date of birth.", 7);
                continue;
            }

            // "on 3 May 2024" reads "in May 2024"; a date without its year keeps the month alone.
            var on = OnBefore().Match(text[Math.Max(0, match.Index - 3)..match.Index]);
            var start = on.Success ? match.Index - on.Length : match.Index;
            var general = (on.Success ? "in " : "") + (year is null ? month : $"{month} {year}");
            yield return new(start, match.Index + match.Length - start, IdentifierKind.ExactDate, general, "An exact date, kept to the month" + (year is null ? "." : " and year."), 2);
        }

        foreach (Match m in AgeOver89().Matches(text))
        {
            var article = m.Groups["article"];
            var replacement = m.Groups["aged"].Success ? $"{m.Groups["aged"].Value} over 89"
                : m.Groups["hyphen"].Success ? (article.Success ? Capitalise("an", article.Value) + " " : "") + "over-89-year-old"
                : "over 89 years old";
            yield return new(m.Index, m.Length, IdentifierKind.Age, replacement, "An age over 89.", 3);
        }
    }

    private static string Capitalise(string word, string like) => char.IsUpper(like[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;

    private static IEnumerable<(Match Match, string Month, string? Year)> Dates(string text)
    {
        foreach (Match m in DayMonthYear().Matches(text))
        {
            if (Day(m) is not null)
            {
                yield return (m, MonthName(m.Groups["month"].Value), m.Groups["year"].Success ? m.Groups["year"].Value : null);
            }
        }

        foreach (Match m in MonthDayYear().Matches(text))
        {
            if (Day(m) is not null)
            {
                yield return (m, MonthName(m.Groups["month"].Value), m.Groups["year"].Value);
            }
        }

        foreach (Match m in NumericDate().Matches(text))
        {
            var monthNumber = int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (Day(m) is not null && monthNumber is >= 1 and <= 12)
            {
                var year = m.Groups["year"].Value;
                year = year.Length == 2 ? (int.Parse(year, CultureInfo.InvariantCulture) > 30 ? "19" : "20") + year : year;
                yield return (m, CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetMonthName(monthNumber), year);
            }
        }
    }

    private static int? Day(Match m)
    {
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 ? day : null;
    }

    private static string MonthName(string written)
    {
        var prefix = written[..3].ToLowerInvariant();
        var names = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.MonthNames;
        return names.First(n => n.Length > 0 && n[..3].Equals(prefix, StringComparison.OrdinalIgnoreCase));
    }

    // "Monday 3 May 2021", "3rd of May, 2021", "3 May" (no year).
    [GeneratedRegex(@"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+(?<month>" + Month + @")\b(?:,?\s+(?<year>(?:19|20)\d{2})\b)?")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<month>" + Month + @")\.?\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<![\d/.-])(?:(?<day>[0-3]?\d)[/.-](?<month>[01]?\d)[/.-](?<year>(?:19|20)\d{2}|\d{2})|(?<year>(?:19|20)\d{2})-(?<month>[01]\d)-(?<day>[0-3]\d))(?![\d/.-]\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?:date\s+of\s+birth|D\.?O\.?B\.?|born(?:\s+on)?|birthday(?:\s+is|\s+was)?)\s*(?:is|was|of|:)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BirthLabel();

    [GeneratedRegex(@"\bon\s$", RegexOptions.IgnoreCase)]
    private static partial Regex OnBefore();

    [GeneratedRegex(@"(?:(?<aged>\b(?:aged|age|age\s+of))\s+(?:9\d|1[01]\d)\b(?!\s*years?[-\s]old)|(?:(?<article>\b[Aa])\s+)?\b(?:9\d|1[01]\d)(?:(?<hyphen>-year-old)|\s+years?\s+old\b))")]
    private static partial Regex AgeOver89();
}
