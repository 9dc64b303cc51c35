using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Phso.SharedKernel.Web.TagHelpers;

/// <summary>GOV.UK error summary of every error in the model state, each linking to its field. Renders nothing
/// when there are no errors. Put it first in the main column: <c>&lt;govuk-error-summary /&gt;</c>.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var errors = ViewContext.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Take(1).Select(error => (Key: e.Key, Message: error.ErrorMessage is { Length: > 0 } m ? m : "Enter a valid value")))
            .OrderBy(e => ErrorOrder.PositionOf(ViewContext.HttpContext, e.Key))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var encoder = HtmlEncoder.Default;
        var items = string.Concat(errors.Select(e => e.Key.Length == 0
            ? $"<li>{encoder.Encode(e.Message)}</li>"
            : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(e.Key, "_")}\">{encoder.Encode(e.Message)}</a></li>"));
        output.Content.SetHtmlContent(
            "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">" +
            "<h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div></div>");
    }
}
