using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Phso.SharedKernel.Web.TagHelpers;

/// <summary>
/// Every GOV.UK table sits in a region that scrolls sideways on its own when the table cannot be narrowed (WCAG 2.2
/// 1.4.10 reflow: at 320 CSS pixels the page itself never scrolls sideways). The region is labelled with the table's
/// caption and can be focused, so keyboard users can scroll it; the page's script takes the region out of the tab order
/// while the table fits. Applies to any <c>&lt;table class="govuk-table"&gt;</c> in a page; nothing to write.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed partial class GovukTableRegionTagHelper : TagHelper
{
    public const string RegionClass = "phso-table-scroll";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var classes = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (!classes.Split(' ').Contains("govuk-table"))
        {
            return;
        }

        var content = (await output.GetChildContentAsync()).GetContent();
        output.Content.SetHtmlContent(content);
        output.PreElement.SetHtmlContent(Open(Label(content)));
        output.PostElement.SetHtmlContent("</div>");
    }

    /// <summary>The opening tag of a scrolling region with this label (for tables and charts written as strings).</summary>
    public static string Open(string label) =>
        $"<div class=\"{RegionClass}\" role=\"region\" aria-label=\"{HtmlEncoder.Default.Encode(label)}\" tabindex=\"0\">";

    private static string Label(string tableHtml)
    {
        var caption = Caption().Match(tableHtml);
        var text = caption.Success ? WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, "")).Trim() : "";
        return text.Length == 0 ? "Table" : $"Table: {text}";
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
