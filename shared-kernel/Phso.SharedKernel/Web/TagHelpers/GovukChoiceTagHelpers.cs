using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Phso.SharedKernel.Web.TagHelpers;

/// <summary>Shared markup of radios and checkboxes: a fieldset with a legend, hint and error.</summary>
public abstract class GovukChoicesTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("legend")]
    public string Legend { get; set; } = "";

    /// <summary>Render the legend as the page's h1 (one question per page).</summary>
    [HtmlAttributeName("legend-is-heading")]
    public bool LegendIsHeading { get; set; }

    [HtmlAttributeName("items")]
    public IEnumerable<ChoiceItem> Items { get; set; } = [];

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    protected abstract string Kind { get; }

    protected abstract bool IsChecked(ChoiceItem item);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var legend = LegendIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{Encoder.Encode(Legend)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encoder.Encode(Legend)}</legend>";
        var index = 0;
        var items = string.Concat(Items.Select(item =>
        {
            // GOV.UK links the error summary to the first option, so the first keeps the field's own id.
            var id = index++ == 0 ? FieldId : $"{FieldId}-{index}";
            var hintId = id + "-item-hint";
            return $"<div class=\"govuk-{Kind}__item\">" +
                $"<input class=\"govuk-{Kind}__input\" id=\"{id}\" name=\"{FieldName}\" type=\"{(Kind == "radios" ? "radio" : "checkbox")}\" value=\"{Encoder.Encode(item.Value)}\"" +
                (IsChecked(item) ? " checked" : "") + (item.Hint is null ? "" : $" aria-describedby=\"{hintId}\"") + ">" +
                $"<label class=\"govuk-label govuk-{Kind}__label\" for=\"{id}\">{Encoder.Encode(item.Text)}</label>" +
                (item.Hint is null ? "" : $"<div id=\"{hintId}\" class=\"govuk-hint govuk-{Kind}__hint\">{Encoder.Encode(item.Hint)}</div>") +
                "</div>";
        }));
        var modifiers = (Inline ? $" govuk-{Kind}--inline" : "") + (Small ? $" govuk-{Kind}--small" : "");
        output.Content.SetHtmlContent(
            FormGroupOpen() + "<fieldset class=\"govuk-fieldset\"" + Attribute("aria-describedby", DescribedBy) + ">" + legend + HintHtml() + ErrorHtml() +
            $"<div class=\"govuk-{Kind}{modifiers}\" data-module=\"govuk-{Kind}\">" + items + "</div></fieldset></div>");
    }
}

/// <summary>GOV.UK radios: <c>&lt;govuk-radios for="Input.Sector" legend="Sector" items="Model.Sectors" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "radios";

    protected override bool IsChecked(ChoiceItem item) => item.Value == CurrentValue;
}

/// <summary>GOV.UK checkboxes for a collection property: <c>&lt;govuk-checkboxes for="Input.Roles" legend="Roles" items="Model.Roles" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "checkboxes";

    protected override bool IsChecked(ChoiceItem item) => CurrentValues.Contains(item.Value);
}
