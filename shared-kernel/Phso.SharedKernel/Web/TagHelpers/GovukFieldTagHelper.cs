using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Phso.SharedKernel.Web.TagHelpers;

/// <summary>
/// Shared behaviour of the GOV.UK form field tag helpers: the field's name and id, the value to show (what the
/// person typed when the form comes back with errors, so nothing typed is lost), its error message, and the
/// aria-describedby that ties hint and error to the control.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    protected static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>The model property the field edits.</summary>
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>Hint text shown under the label.</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string FieldId => TagBuilder.CreateSanitizedId(FieldName, "_");

    protected string HintId => FieldId + "-hint";

    protected string ErrorId => FieldId + "-error";

    /// <summary>The first error for this field, if the form came back with one.</summary>
    protected string? ErrorMessage =>
        ViewContext.ModelState.TryGetValue(FieldName, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage is { Length: > 0 } message ? message : "Enter a valid value"
            : null;

    /// <summary>The value to show: what was posted when there was one, else the model's.</summary>
    protected string CurrentValue =>
        ViewContext.ModelState.TryGetValue(FieldName, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : Format(For.Model);

    /// <summary>Every value posted or held for a multi-valued field (checkboxes).</summary>
    protected IReadOnlyCollection<string> CurrentValues =>
        ViewContext.ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null
            ? entry.RawValue is string[] many ? many : [Convert.ToString(entry.RawValue, CultureInfo.InvariantCulture) ?? ""]
            : For.Model is System.Collections.IEnumerable values and not string
                ? values.Cast<object?>().Select(Format).ToList()
                : For.Model is null ? [] : [Format(For.Model)];

    protected string? DescribedBy => string.Join(" ", new[] { Hint is null ? null : HintId, ErrorMessage is null ? null : ErrorId }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    protected string FormGroupOpen(string? extraClass = null) =>
        $"<div class=\"govuk-form-group{(ErrorMessage is null ? "" : " govuk-form-group--error")}{(extraClass is null ? "" : " " + extraClass)}\">";

    protected string HintHtml() => Hint is null ? "" : $"<div id=\"{HintId}\" class=\"govuk-hint\">{Encoder.Encode(Hint)}</div>";

    protected string ErrorHtml() => ErrorMessage is not { } message
        ? ""
        : $"<p id=\"{ErrorId}\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encoder.Encode(message)}</p>";

    protected static string Attribute(string name, string? value) => value is null ? "" : $" {name}=\"{Encoder.Encode(value)}\"";

    protected static string Format(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>A choice in a set of radios, checkboxes or a select.</summary>
/// <param name="Value">Submitted value.</param>
/// <param name="Text">Label.</param>
/// <param name="Hint">Optional hint under the label.</param>
public sealed record ChoiceItem(string Value, string Text, string? Hint = null);
