using System.Globalization;

namespace Phso.SharedKernel.Web;

/// <summary>Times as people here read them (UK time, "1 December 2026 at 2:07pm") and as HTML's &lt;time datetime&gt;
/// allows them (UTC, at most three digits of a second).</summary>
public static class HtmlTime
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A valid datetime attribute value, e.g. 2026-12-01T13:55:08.994Z.</summary>
    public static string Of(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>"1 December 2026 at 2:07pm", in UK time.</summary>
    public static string Describe(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, UkTime);
        return local.ToString("d MMMM yyyy 'at' h:mm", English) + (local.Hour < 12 ? "am" : "pm");
    }
}
