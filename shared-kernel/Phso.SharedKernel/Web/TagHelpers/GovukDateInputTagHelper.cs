using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Phso.SharedKernel.Web.TagHelpers;

/// <summary>GOV.UK date input for a <see cref="DateParts"/> property:
/// <c>&lt;govuk-date-input for="Input.AwareOn" legend="When did you become aware?" hint="For example, 27 3 2026" /&gt;</c>.
/// The day field carries the property's id, so the error summary's link lands on it.</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("legend")]
    public string Legend { get; set; } = "";

    [HtmlAttributeName("legend-is-heading")]
    public bool LegendIsHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var parts = For.Model as DateParts ?? new DateParts();
        var legend = LegendIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{Encoder.Encode(Legend)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encoder.Encode(Legend)}</legend>";
        string Item(string part, string label, string? value, string width, bool first) =>
            "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
            $"<label class=\"govuk-label govuk-date-input__label\" for=\"{(first ? FieldId : $"{FieldId}_{part}")}\">{label}</label>" +
            $"<input class=\"govuk-input govuk-date-input__input {width}{(ErrorMessage is null ? "" : " govuk-input--error")}\" id=\"{(first ? FieldId : $"{FieldId}_{part}")}\" name=\"{FieldName}.{part}\" type=\"text\" inputmode=\"numeric\"" +
            Attribute("value", Posted(part) ?? value) + "></div></div>";
        output.Content.SetHtmlContent(
            FormGroupOpen() + "<fieldset class=\"govuk-fieldset\" role=\"group\"" + Attribute("aria-describedby", DescribedBy) + ">" + legend + HintHtml() + ErrorHtml() +
            $"<div class=\"govuk-date-input\" id=\"{FieldId}-group\">" +
            Item("Day", "Day", parts.Day, "govuk-input--width-2", first: true) +
            Item("Month", "Month", parts.Month, "govuk-input--width-2", first: false) +
            Item("Year", "Year", parts.Year, "govuk-input--width-4", first: false) +
            "</div></fieldset></div>");
    }

    private string? Posted(string part) =>
        ViewContext.ModelState.TryGetValue($"{FieldName}.{part}", out var entry) ? entry.AttemptedValue : null;
}
