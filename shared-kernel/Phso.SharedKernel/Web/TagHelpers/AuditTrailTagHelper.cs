using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Phso.SharedKernel.Auditing;

namespace Phso.SharedKernel.Web.TagHelpers;

/// <summary>A record's history as a GOV.UK table: when, who, what and the changed values.
/// <c>&lt;audit-trail entries="Model.History" caption="History" /&gt;</c>.</summary>
[HtmlTargetElement("audit-trail", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AuditTrailTagHelper : TagHelper
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [HtmlAttributeName("entries")]
    public IReadOnlyList<AuditTrailEntry> Entries { get; set; } = [];

    [HtmlAttributeName("caption")]
    public string Caption { get; set; } = "History";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(GovukTableRegionTagHelper.Open($"Table: {Caption}"));
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">{encoder.Encode(Caption)}</caption>");
        if (Entries.Count == 0)
        {
            output.Content.SetHtmlContent(html + "<tbody class=\"govuk-table__body\"><tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">No changes have been recorded.</td></tr></tbody></table></div>");
            return;
        }

        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">When</th><th scope=\"col\" class=\"govuk-table__header\">Who</th><th scope=\"col\" class=\"govuk-table__header\">What</th><th scope=\"col\" class=\"govuk-table__header\">Changes</th></tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var entry in Entries.Reverse())
        {
            var local = TimeZoneInfo.ConvertTime(entry.OccurredAt, UkTime);
            html.Append("<tr class=\"govuk-table__row\">")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"govuk-table__cell\"><time datetime=\"{HtmlTime.Of(entry.OccurredAt)}\">{local.ToString("d MMM yyyy, h:mm", CultureInfo.GetCultureInfo("en-GB"))}{(local.Hour < 12 ? "am" : "pm")}</time></td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"govuk-table__cell\">{encoder.Encode(entry.ActorName)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"govuk-table__cell\">{encoder.Encode(AuditText.Describe(entry))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"govuk-table__cell\">{Changes(entry.Changes, encoder)}</td>")
                .Append("</tr>");
        }

        output.Content.SetHtmlContent(html + "</tbody></table></div>");
    }

    private static string Changes(IReadOnlyList<AuditChange> changes, HtmlEncoder encoder)
    {
        var lines = changes.Select(c => $"{encoder.Encode(c.Field)}: " + (c.From, c.To) switch
        {
            (null, { } added) => encoder.Encode(added),
            ({ } removed, null) => $"{encoder.Encode(removed)} (removed)",
            ({ } before, { } after) => $"{encoder.Encode(before)} to {encoder.Encode(after)}",
            _ => "(empty)",
        }).ToList();
        return lines.Count == 0 ? "" : "<ul class=\"govuk-list\">" + string.Concat(lines.Select(l => $"<li>{l}</li>")) + "</ul>";
    }
}

/// <summary>Words for audit entries.</summary>
public static class AuditText
{
    /// <summary>"RegisterOrganisation" becomes "Register organisation".</summary>
    public static string Humanise(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var words = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
            {
                words.Append(' ');
                words.Append(i + 1 < pascal.Length && char.IsUpper(pascal[i + 1]) ? c : char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    public static string Describe(AuditTrailEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = Humanise(entry.Command);
        return entry.EntityType == entry.Command || string.IsNullOrEmpty(entry.EntityType) ? what : $"{what} ({entry.Action.ToLowerInvariant()} {Humanise(entry.EntityType).ToLowerInvariant()})";
    }
}
