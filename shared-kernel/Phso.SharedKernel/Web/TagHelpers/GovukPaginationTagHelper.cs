using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Phso.SharedKernel.Web.TagHelpers;

/// <summary>GOV.UK pagination for a list filtered by its query string: links keep every other query value and
/// change only the page. <c>&lt;govuk-pagination page="2" total-pages="7" /&gt;</c>; nothing when one page.</summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukPaginationTagHelper : TagHelper
{
    [HtmlAttributeName("page")]
    public int Page { get; set; } = 1;

    [HtmlAttributeName("total-pages")]
    public int TotalPages { get; set; } = 1;

    /// <summary>Name of the query parameter holding the page number ("page" is reserved by Razor Pages).</summary>
    [HtmlAttributeName("parameter")]
    public string Parameter { get; set; } = "pageNumber";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var encoder = HtmlEncoder.Default;
        var request = ViewContext.HttpContext.Request;
        string Href(int page)
        {
            var query = request.Query
                .Where(q => !string.Equals(q.Key, Parameter, StringComparison.OrdinalIgnoreCase))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new KeyValuePair<string, string?>(Parameter, page.ToString(CultureInfo.InvariantCulture)));
            return encoder.Encode(request.Path + QueryString.Create(query).ToString());
        }

        var html = "<nav class=\"govuk-pagination\" aria-label=\"Pagination\">";
        if (Page > 1)
        {
            html += $"<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(Page - 1)}\" rel=\"prev\">" +
                "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>" +
                "<span class=\"govuk-pagination__link-title\">Previous<span class=\"govuk-visually-hidden\"> page</span></span></a></div>";
        }

        html += "<ul class=\"govuk-pagination__list\">";
        var shown = Enumerable.Range(1, TotalPages).Where(p => p == 1 || p == TotalPages || Math.Abs(p - Page) <= 1).ToList();
        var previous = 0;
        foreach (var page in shown)
        {
            if (page - previous > 1)
            {
                html += "<li class=\"govuk-pagination__item govuk-pagination__item--ellipses\">&ctdot;</li>";
            }

            html += page == Page
                ? $"<li class=\"govuk-pagination__item govuk-pagination__item--current\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {page}\" aria-current=\"page\">{page}</a></li>"
                : $"<li class=\"govuk-pagination__item\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {page}\">{page}</a></li>";
            previous = page;
        }

        html += "</ul>";
        if (Page < TotalPages)
        {
            html += $"<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(Page + 1)}\" rel=\"next\">" +
                "<span class=\"govuk-pagination__link-title\">Next<span class=\"govuk-visually-hidden\"> page</span></span>" +
                "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg></a></div>";
        }

        output.Content.SetHtmlContent(html + "</nav>");
    }
}
