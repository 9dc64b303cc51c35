using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Phso.SharedKernel.Files;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;

namespace Phso.Modules.Training.Features.CoursePackages;

/// <summary>
/// The course package format: a folder or zip holding <c>course.json</c> (the manifest: the course's key, details,
/// completion rules, recurrence, sections with each lesson's key, title and Markdown file, and the quiz), the
/// lessons' Markdown files, and the images they show in an <c>images</c> folder. Content can live in version control and partner plugins can ship courses. Reading checks
/// everything and reports each problem with its file and line; a package with any problem is refused whole.
/// </summary>
public static partial class CoursePackage
{
    public const string ManifestName = "course.json";
    public const int FormatVersion = 1;
    public const long MaxFileBytes = 1024 * 1024;
    public const int MaxFiles = 200;
    public const string ImageFolder = LessonMarkdown.ImageFolder;

    private static readonly Dictionary<string, string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif", [".webp"] = "image/webp",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new Phso.SharedKernel.Web.StrictEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a package's files (relative paths with forward slashes). Throws <see cref="PackageException"/>
    /// listing every problem found.</summary>
    public static ImportedCourse Read(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<PackageProblem>();
        if (!files.TryGetValue(ManifestName, out var manifestBytes))
        {
            throw new PackageException([new PackageProblem(ManifestName, null, "The package has no course.json at its top level")]);
        }

        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(manifestBytes, Json);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" (at {path})" : "";
            throw new PackageException([new PackageProblem(ManifestName, (int?)e.LineNumber + 1, $"{Plain(e.Message)}{where}")]);
        }

        if (manifest is null)
        {
            throw new PackageException([new PackageProblem(ManifestName, 1, "course.json is empty")]);
        }

        var lines = JsonLines.Map(manifestBytes);
        void Problem(string path, string message) => problems.Add(new PackageProblem(ManifestName, lines.LineOf(path), message));

        if (manifest.Format != FormatVersion)
        {
            Problem("$.format", $"\"format\" must be {FormatVersion}");
        }

        if (string.IsNullOrWhiteSpace(manifest.Key) || manifest.Key.Length > 60 || !manifest.Key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            Problem("$.key", "\"key\" must be 1 to 60 lower-case letters, digits or hyphens, for example \"edi-essentials\"");
        }

        var images = ReadImages(files, problems);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var sections = new List<Section>();
        for (var s = 0; s < (manifest.Sections ?? []).Count; s++)
        {
            var section = manifest.Sections![s];
            var lessons = new List<Lesson>();
            for (var l = 0; l < (section.Lessons ?? []).Count; l++)
            {
                var lesson = section.Lessons![l];
                var at = $"$.sections[{s}].lessons[{l}]";
                if (string.IsNullOrWhiteSpace(lesson.Key))
                {
                    Problem(at, "Each lesson needs a \"key\"");
                }

                if (string.IsNullOrWhiteSpace(lesson.Title))
                {
                    Problem(at, "Each lesson needs a \"title\"");
                }

                var file = (lesson.File ?? "").Replace('\\', '/');
                if (!files.TryGetValue(file, out var bytes))
                {
                    Problem($"{at}.file", $"The lesson file \"{lesson.File}\" is not in the package");
                    continue;
                }

                if (ReadMarkdown(file, bytes, images, used, problems) is { } markdown)
                {
                    lessons.Add(new Lesson(lesson.Key ?? "", lesson.Title?.Trim() ?? "", markdown));
                }
            }

            sections.Add(new Section(section.Title?.Trim() ?? "", lessons));
        }

        var quiz = manifest.Quiz is { } q
            ? new Quiz([.. (q.Questions ?? []).Select(ToQuestion)], q.PassMark, q.MaxAttempts, q.Grading, q.Shuffle)
            : null;
        var completion = new CompletionCriteria(manifest.Completion?.Rules ?? [], manifest.Completion?.RequireAll ?? true);
        var content = new CourseContent(manifest.Title?.Trim() ?? "", manifest.Summary?.Trim() ?? "", manifest.Audience, manifest.Category, manifest.Hours, sections, quiz, completion)
        {
            Images = [.. images.Values.Where(i => used.Contains(i.Name)).OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => new CourseImage(i.Name, i.Sha256, i.ContentType))],
        };

        // The content's own rules, placed on the manifest's lines where a problem names a question.
        foreach (var problem in content.Problems())
        {
            Problem(QuestionPathOf(problem, quiz) ?? PathOf(problem), problem);
        }

        var recurrence = manifest.Recurrence is { } r ? new RecertificationRules(r.Mode, r.ActiveMonths, r.WindowMonths, r.FixedBaseDate, r.MinimumActiveMonths) : null;
        if (recurrence?.Problem is { } recurrenceProblem)
        {
            Problem("$.recurrence", recurrenceProblem);
        }

        var unused = files.Keys.Where(name => name != ManifestName && name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Except(manifest.Sections?.SelectMany(s => s.Lessons ?? []).Select(l => (l.File ?? "").Replace('\\', '/')) ?? [], StringComparer.Ordinal);
        problems.AddRange(unused.Select(name => new PackageProblem(name, null, "This lesson file is not listed in course.json")));
        problems.AddRange(images.Keys.Where(name => !used.Contains(name))
            .Select(name => new PackageProblem(ImageFolder + name, null, "No lesson shows this image: use it in a lesson or take it out of the package")));

        if (problems.Count > 0)
        {
            throw new PackageException([.. problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line ?? 0)]);
        }

        return new ImportedCourse(manifest.Key!, content, recurrence, [.. images.Values.Where(i => used.Contains(i.Name))]);
    }

    private static Question ToQuestion(ManifestQuestion q) => new(
        q.Key ?? "", q.Type, q.Text ?? "",
        [.. (q.Choices ?? []).Select(c => new Choice(c.Key ?? "", c.Text ?? "", c.Correct))],
        [.. q.AcceptedAnswers ?? []],
        [.. (q.Pairs ?? []).Select(p => new MatchPair(p.Prompt ?? "", p.Answer ?? ""))],
        q.Feedback);

    /// <summary>Where in the manifest a problem about one question (or one of its choices) is written.</summary>
    private static string? QuestionPathOf(string problem, Quiz? quiz)
    {
        if (quiz is null)
        {
            return null;
        }

        if (Regex.Match(problem, "^Question (\\d+) needs") is { Success: true } numbered)
        {
            return $"$.quiz.questions[{int.Parse(numbered.Groups[1].Value, CultureInfo.InvariantCulture) - 1}]";
        }

        var index = quiz.Questions.Select((q, i) => (q.Key, i)).FirstOrDefault(x => problem.StartsWith($"Question \"{x.Key}\":", StringComparison.Ordinal));
        if (index.Key is null)
        {
            return null;
        }

        var path = $"$.quiz.questions[{index.i}]";
        return Regex.Match(problem, ": choice (\\d+) ") is { Success: true } choice
            ? $"{path}.choices[{int.Parse(choice.Groups[1].Value, CultureInfo.InvariantCulture) - 1}]"
            : path;
    }

    /// <summary>Where in the manifest a problem with the content is written.</summary>
    private static string PathOf(string problem) => problem switch
    {
        _ when problem.StartsWith("Enter the course title", StringComparison.Ordinal) => "$.title",
        _ when problem.StartsWith("The duration", StringComparison.Ordinal) => "$.hours",
        _ when problem.StartsWith("The pass mark", StringComparison.Ordinal) => "$.quiz.passMark",
        _ when problem.StartsWith("Allow at least one attempt", StringComparison.Ordinal) => "$.quiz.maxAttempts",
        _ when problem.StartsWith("Two questions", StringComparison.Ordinal) || problem.StartsWith("Add at least one question", StringComparison.Ordinal) => "$.quiz.questions",
        _ when problem.StartsWith("Completion", StringComparison.Ordinal) || problem.StartsWith("Choose at least one completion", StringComparison.Ordinal) => "$.completion",
        _ => "$.sections",
    };

    /// <summary>The images in the package's images folder, by name: PNG, JPEG, GIF or WebP, recognised by their bytes.</summary>
    private static Dictionary<string, PackageImage> ReadImages(IReadOnlyDictionary<string, byte[]> files, List<PackageProblem> problems)
    {
        var images = new Dictionary<string, PackageImage>(StringComparer.Ordinal);
        foreach (var (path, bytes) in files.Where(f => f.Key.StartsWith(ImageFolder, StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var name = path[ImageFolder.Length..];
            if (name.Length > 100 || name.Contains('/', StringComparison.Ordinal) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                problems.Add(new PackageProblem(path, null, "Image names may use only letters, digits, hyphens, underscores and dots (at most 100), directly in the images folder"));
                continue;
            }

            var expected = ImageTypes.GetValueOrDefault(Path.GetExtension(name));
            var actual = Phso.SharedKernel.Web.FileSignatures.Detect(bytes);
            if (expected is null)
            {
                problems.Add(new PackageProblem(path, null, "Images must be PNG, JPEG, GIF or WebP files (.png, .jpg, .jpeg, .gif, .webp)"));
            }
            else if (actual != expected)
            {
                problems.Add(new PackageProblem(path, null, $"This file's name says {expected[6..].ToUpperInvariant()} but its content is not a {expected[6..].ToUpperInvariant()} image"));
            }
            else
            {
                images[name] = new PackageImage(name, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), expected, bytes);
            }
        }

        return images;
    }

    /// <summary>A lesson's Markdown: UTF-8 text following <see cref="LessonMarkdown"/>'s rules, each problem on its line.</summary>
    private static string? ReadMarkdown(string file, byte[] bytes, Dictionary<string, PackageImage> images, HashSet<string> used, List<PackageProblem> problems)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new PackageProblem(file, null, "This file is not UTF-8 text"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new PackageProblem(file, 1, "This lesson is empty"));
            return null;
        }

        var check = LessonMarkdown.Check(text, file, images.Keys.ToHashSet(StringComparer.Ordinal));
        problems.AddRange(check.Problems.Select(p => new PackageProblem(file, p.Line, p.Message)));
        used.UnionWith(check.ImagesUsed);
        return check.Problems.Count == 0 ? check.Markdown : null;
    }

    /// <summary>System.Text.Json's messages end with its own position details; the problem's file and line say that.</summary>
    private static string Plain(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
