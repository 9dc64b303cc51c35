using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Phso.SharedKernel.Web.TagHelpers;

/// <summary>A field with a label, which can be the page's h1 (one question per page).</summary>
public abstract class GovukLabelledFieldTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    /// <summary>Render the label as the page's h1 (one question per page).</summary>
    [HtmlAttributeName("label-is-heading")]
    public bool LabelIsHeading { get; set; }

    protected string LabelHtml()
    {
        var label = $"<label class=\"govuk-label{(LabelIsHeading ? " govuk-label--l" : "")}\" for=\"{FieldId}\">{Encoder.Encode(Label)}</label>";
        return LabelIsHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }
}

/// <summary>GOV.UK text input: <c>&lt;govuk-input for="Input.Name" label="Name" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukLabelledFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    /// <summary>Extra classes for the input, e.g. govuk-input--width-10.</summary>
    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var value = Type == "password" ? "" : CurrentValue;
        var classes = "govuk-input" + (ErrorMessage is null ? "" : " govuk-input--error") + (InputClass is null ? "" : " " + InputClass);
        output.Content.SetHtmlContent(
            FormGroupOpen() + LabelHtml() + HintHtml() + ErrorHtml() +
            $"<input class=\"{classes}\" id=\"{FieldId}\" name=\"{FieldName}\" type=\"{Encoder.Encode(Type)}\"" +
            Attribute("value", value.Length == 0 ? null : value) +
            Attribute("aria-describedby", DescribedBy) +
            Attribute("autocomplete", Autocomplete) +
            Attribute("inputmode", InputMode) +
            (Spellcheck is { } spellcheck ? Attribute("spellcheck", spellcheck ? "true" : "false") : "") +
            "></div>");
    }
}

/// <summary>GOV.UK textarea: <c>&lt;govuk-textarea for="Input.Summary" label="Summary" rows="5" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukLabelledFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        output.Content.SetHtmlContent(
            FormGroupOpen() + LabelHtml() + HintHtml() + ErrorHtml() +
            $"<textarea class=\"govuk-textarea{(ErrorMessage is null ? "" : " govuk-textarea--error")}\" id=\"{FieldId}\" name=\"{FieldName}\" rows=\"{Rows}\"" +
            // Browsers send line ends as CR LF; written back as LF, the text is the same and the HTML stays valid (an
            // encoded CR, &#xD;, is not allowed in a textarea).
            Attribute("aria-describedby", DescribedBy) + ">" + Encoder.Encode(CurrentValue.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')) + "</textarea></div>");
    }
}

/// <summary>GOV.UK select: <c>&lt;govuk-select for="Input.Nation" label="Nation" items="Model.Nations" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukLabelledFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<ChoiceItem> Items { get; set; } = [];

    /// <summary>Text of an empty first option; none when null.</summary>
    [HtmlAttributeName("empty-option")]
    public string? EmptyOption { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var current = CurrentValue;
        var options = (EmptyOption is null ? "" : $"<option value=\"\">{Encoder.Encode(EmptyOption)}</option>") +
            string.Concat(Items.Select(i => $"<option value=\"{Encoder.Encode(i.Value)}\"{(i.Value == current ? " selected" : "")}>{Encoder.Encode(i.Text)}</option>"));
        output.Content.SetHtmlContent(
            FormGroupOpen() + LabelHtml() + HintHtml() + ErrorHtml() +
            $"<select class=\"govuk-select{(ErrorMessage is null ? "" : " govuk-select--error")}\" id=\"{FieldId}\" name=\"{FieldName}\"" +
            Attribute("aria-describedby", DescribedBy) + ">" + options + "</select></div>");
    }
}
