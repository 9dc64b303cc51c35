using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Phso.Modules.Training.Domain;

/// <summary>
/// The rules for a lesson's Markdown, the same whether it comes in a package or is written on the course page: no raw
/// HTML (lessons are rendered with HTML switched off, so it would show as text), and every image in the course's images
/// folder, described for people who cannot see it. Image paths are read relative to the lesson's file and rewritten to
/// the form a lesson has in an exported package (<c>../images/name.png</c>).
/// </summary>
public static class LessonMarkdown
{
    public const string ImageFolder = "images/";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <param name="text">The lesson's Markdown.</param>
    /// <param name="lessonFile">Where the lesson's file is in the package, e.g. "lessons/01-welcome.md".</param>
    /// <param name="images">The names of the images in the course's images folder.</param>
    public static LessonCheck Check(string text, string lessonFile, IReadOnlySet<string> images)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(images);
        var problems = new List<LessonProblem>();
        var document = Markdown.Parse(text, Pipeline);
        problems.AddRange(document.Descendants<HtmlBlock>().Select(b => b.Line)
            .Concat(document.Descendants<HtmlInline>().Select(i => i.Line))
            .Distinct().Order()
            .Select(line => new LessonProblem(line + 1, "Raw HTML is not allowed in a lesson; write it in Markdown")));

        var used = new HashSet<string>(StringComparer.Ordinal);
        var rewrites = new List<(int Start, int Length, string Path)>();
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            void Problem(string message) => problems.Add(new LessonProblem(image.Line + 1, message));
            if (image.Reference is not null || image.UrlSpan.IsEmpty)
            {
                Problem("Write each image in place, as ![what it shows](../images/name.png)");
                continue;
            }

            var url = image.Url ?? "";
            if (url.Contains(':', StringComparison.Ordinal) || url.StartsWith('/') || url.Contains('\\', StringComparison.Ordinal))
            {
                Problem($"The image \"{url}\" must be a file in the course's images folder (an image from another site would tell that site who reads the lesson)");
                continue;
            }

            if (ResolveImage(lessonFile, url) is not { } name || !images.Contains(name))
            {
                Problem($"The image \"{url}\" is not in the course's images folder");
                continue;
            }

            if (string.IsNullOrWhiteSpace(string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()))))
            {
                Problem($"Describe the image \"{url}\" for people who cannot see it: write what it shows between the square brackets");
            }

            used.Add(name);
            rewrites.Add((image.UrlSpan.Start, image.UrlSpan.Length, CourseImage.Folder + name));
        }

        var rewritten = new StringBuilder(text);
        foreach (var (start, length, path) in rewrites.OrderByDescending(r => r.Start))
        {
            rewritten.Remove(start, length).Insert(start, path);
        }

        return new LessonCheck(rewritten.ToString().ReplaceLineEndings("\n"), [.. problems.OrderBy(p => p.Line)], used);
    }

    /// <summary>The images a version's lessons show, by name.</summary>
    public static IReadOnlySet<string> ImagesShown(CourseContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var all = content.Images.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return content.Lessons.SelectMany(l => Check(l.Markdown, "lessons/lesson.md", all).ImagesUsed).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The image's name in the images folder, from its path relative to the lesson's file; null when the path
    /// leads anywhere else.</summary>
    private static string? ResolveImage(string lessonFile, string url)
    {
        var parts = new List<string>(lessonFile.Split('/')[..^1]);
        foreach (var part in Uri.UnescapeDataString(url.Split('?', '#')[0]).Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    break;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        return parts is [var folder, var name] && folder + "/" == ImageFolder ? name : null;
    }
}

/// <summary>A lesson's Markdown as it will be kept, what is wrong with it, and the images it shows.</summary>
public sealed record LessonCheck(string Markdown, IReadOnlyList<LessonProblem> Problems, IReadOnlySet<string> ImagesUsed);

/// <summary>A problem on a line (1-based) of a lesson.</summary>
public sealed record LessonProblem(int Line, string Message);
