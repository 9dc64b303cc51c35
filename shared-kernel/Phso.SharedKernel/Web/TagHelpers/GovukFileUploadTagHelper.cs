using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Phso.SharedKernel.Web.TagHelpers;

/// <summary>
/// GOV.UK file upload, bound to a handler's <c>IFormFile</c> parameter rather than a model property:
/// <c>&lt;govuk-file-upload name="package" id="Package" label="Course package (.zip)" accept=".zip" /&gt;</c>. The
/// field's error is the model state entry under <see cref="Id"/>; hint and error are tied to the input for screen readers.
/// </summary>
[HtmlTargetElement("govuk-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFileUploadTagHelper : TagHelper
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>The form field's name: the handler parameter's.</summary>
    [HtmlAttributeName("name")]
    public string Name { get; set; } = "";

    /// <summary>The input's id, which is also the model state key its errors are under.</summary>
    [HtmlAttributeName("id")]
    public string Id { get; set; } = "";

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>The file types the browser's picker offers (the server checks the content regardless).</summary>
    [HtmlAttributeName("accept")]
    public string? Accept { get; set; }

    /// <summary>Let the person choose several files at once.</summary>
    [HtmlAttributeName("multiple")]
    public bool Multiple { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var error = ViewContext.ModelState.TryGetValue(Id, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
        var describedBy = string.Join(" ", new[] { Hint is null ? null : $"{Id}-hint", error is null ? null : $"{Id}-error" }.OfType<string>());
        output.Content.SetHtmlContent(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">" +
            $"<label class=\"govuk-label\" for=\"{Encoder.Encode(Id)}\">{Encoder.Encode(Label)}</label>" +
            (Hint is null ? "" : $"<div id=\"{Encoder.Encode(Id)}-hint\" class=\"govuk-hint\">{Encoder.Encode(Hint)}</div>") +
            (error is null ? "" : $"<p id=\"{Encoder.Encode(Id)}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encoder.Encode(error)}</p>") +
            $"<input class=\"govuk-file-upload{(error is null ? "" : " govuk-file-upload--error")}\" id=\"{Encoder.Encode(Id)}\" name=\"{Encoder.Encode(Name)}\" type=\"file\"" +
            (Accept is null ? "" : $" accept=\"{Encoder.Encode(Accept)}\"") +
            (Multiple ? " multiple" : "") +
            (describedBy.Length == 0 ? "" : $" aria-describedby=\"{Encoder.Encode(describedBy)}\"") +
            "></div>");
    }
}
