using Microsoft.AspNetCore.Razor.TagHelpers;
using Phso.SharedKernel.Web;

namespace Phso.Modular.Tests.Security;

/// <summary>Markdown written by staff (findings, provisional views, lessons) is shown to the public: no raw HTML, no
/// script or data links, no images pulled from elsewhere, whatever the spelling.</summary>
public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](  javascript:alert(1) )")]
    [InlineData("[click](java&#115;cript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click][evil]\n\n[evil]: javascript:alert(1)")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](//evil.example/page)")]
    [InlineData("[click](/\\evil.example/page)")]
    public void A_link_that_could_run_script_or_leave_for_another_site_unannounced_becomes_plain_text(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("href", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Hello <b onmouseover=\"alert(1)\">there</b>")]
    [InlineData("<div>\n<iframe src=\"https://evil.example\"></iframe>\n</div>")]
    public void Raw_html_is_shown_as_text_not_run(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_is_replaced_by_its_description_so_nothing_is_fetched_from_elsewhere()
    {
        var html = SafeMarkdown.ToHtml("![a chart of waiting times](https://tracker.example/pixel.png)");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("[image: a chart of waiting times]", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_the_caller_resolves_is_shown_from_this_site_with_its_description()
    {
        var images = new Dictionary<string, string> { ["../images/chart.png"] = "/learning/images/abc" };

        var html = SafeMarkdown.ToHtml("![waiting times by month](../images/chart.png \"a title\")", images);

        Assert.Contains("<img src=\"/learning/images/abc\" class=\"phso-lesson-image\" loading=\"lazy\" alt=\"waiting times by month\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("title", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![waiting times](https://tracker.example/pixel.png)", "[image: waiting times]")]
    [InlineData("![](../images/chart.png)", "[image: ../images/chart.png]")]
    public void An_image_not_resolved_or_without_a_description_stays_text(string markdown, string text)
    {
        var html = SafeMarkdown.ToHtml(markdown, new Dictionary<string, string> { ["../images/chart.png"] = "/learning/images/abc" });

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[our guidance](https://www.ombudsman.example/guidance)", "https://www.ombudsman.example/guidance")]
    [InlineData("[the case](/cases/PSO-2026-00001)", "/cases/PSO-2026-00001")]
    [InlineData("[email us](mailto:help@ombudsman.example)", "mailto:help@ombudsman.example")]
    [InlineData("[below](#findings)", "#findings")]
    [InlineData("<https://www.ombudsman.example>", "https://www.ombudsman.example")]
    [InlineData("<help@ombudsman.example>", "mailto:help@ombudsman.example")]
    public void Ordinary_links_stay_links_styled_for_the_design_system(string markdown, string href)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"govuk-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_paragraphs_lists_and_quotes_get_the_design_system_classes()
    {
        var html = SafeMarkdown.ToHtml("## Our decision\n\nWe **uphold** it.\n\n- one\n- two\n\n1. first\n\n> quoted");

        Assert.Contains("<h2 class=\"govuk-heading-m\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"govuk-body\">We <strong>uphold</strong> it.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"govuk-list govuk-list--bullet\">", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"govuk-list govuk-list--number\">", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote class=\"govuk-inset-text\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tag_helper_wraps_the_html_in_its_own_closed_element()
    {
        var context = new TagHelperContext([], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("safe-markdown", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent())) { TagMode = TagMode.SelfClosing };

        new SafeMarkdownTagHelper { Text = "Hello <script>x</script>" }.Process(context, output);

        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        var html = writer.ToString();
        Assert.StartsWith("<div class=\"phso-markdown\">", html, StringComparison.Ordinal);
        Assert.EndsWith("</div>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
