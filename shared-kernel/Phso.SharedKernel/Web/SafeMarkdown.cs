using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Phso.SharedKernel.Web;

/// <summary>
/// Markdown written by staff (findings, provisional views, course lessons) rendered safely: raw HTML is shown as text,
/// links may only go to http(s), mailto or this site (anything else, such as javascript:, becomes plain text), images
/// are shown only when the caller resolves them to this site's own copy (a course's images) and otherwise become their
/// description, so nothing is fetched from elsewhere; the result carries GOV.UK typography classes.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    /// <param name="markdown">The text.</param>
    /// <param name="images">The address on this site of each image the text may show, by the path it is written with.</param>
    public static string ToHtml(string? markdown, IReadOnlyDictionary<string, string>? images = null)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage && images is not null && link.Url is { } path && images.TryGetValue(path, out var source) && Text(link, "").Length > 0)
            {
                link.Url = source;
                link.Title = null;
                link.GetAttributes().AddClass("phso-lesson-image");
                link.GetAttributes().AddPropertyIfNotExist("loading", "lazy");
            }
            else if (link.IsImage || !IsSafe(link.Url))
            {
                var text = new LiteralInline(link.IsImage ? $"[image: {Text(link)}]" : Text(link));
                link.ReplaceBy(text);
            }
            else
            {
                link.GetAttributes().AddClass("govuk-link");
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
            }
        }

        // "<scheme:...>" autolinks are their own kind of inline and take any scheme, javascript: included.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail ? autolink.Url.Contains(':', StringComparison.Ordinal) : !IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else
            {
                autolink.GetAttributes().AddClass("govuk-link");
            }
        }

        foreach (var block in document.Descendants<Block>())
        {
            var css = block switch
            {
                HeadingBlock { Level: 1 } => "govuk-heading-l",
                HeadingBlock { Level: 2 } => "govuk-heading-m",
                HeadingBlock => "govuk-heading-s",
                ParagraphBlock when block.Parent is not ListItemBlock => "govuk-body",
                ListBlock { IsOrdered: true } => "govuk-list govuk-list--number",
                ListBlock => "govuk-list govuk-list--bullet",
                QuoteBlock => "govuk-inset-text",
                _ => null,
            };
            if (css is not null)
            {
                block.GetAttributes().AddClass(css);
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        !string.IsNullOrWhiteSpace(url) &&
        // Browsers read "/\host" as "//host", another site.
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
         || url.StartsWith('#')
         || Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto");

    private static string Text(LinkInline link, string? fallback = null) =>
        string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString())) is { Length: > 0 } text ? text : fallback ?? link.Url ?? "";
}

/// <summary>Renders Markdown safely: <c>&lt;safe-markdown text="Model.Findings" /&gt;</c>.</summary>
[HtmlTargetElement("safe-markdown", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SafeMarkdownTagHelper : TagHelper
{
    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    /// <summary>Images the text may show: this site's address of each, by the path the text uses.</summary>
    [HtmlAttributeName("images")]
    public IReadOnlyDictionary<string, string>? Images { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "phso-markdown");
        output.Content.SetHtmlContent(SafeMarkdown.ToHtml(Text, Images));
    }
}
