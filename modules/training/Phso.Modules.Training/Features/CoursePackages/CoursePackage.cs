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
public static class CoursePackage
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

    /// <summary>Reads a zip, refusing entries that would escape the folder, too many files and files too large.</summary>
    public static IReadOnlyDictionary<string, byte[]> FilesOfZip(Stream zip)
    {
        try
        {
            return SafeZip.Read(zip, new ZipLimits(MaxFiles, MaxFileBytes, MaxFiles * MaxFileBytes));
        }
        catch (SafeZipException e)
        {
            throw new PackageException([new PackageProblem(e.Path, null, e.Problem)]);
        }
    }

    /// <summary>Reads a package laid out as a folder.</summary>
    public static IReadOnlyDictionary<string, byte[]> FilesOfFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Take(MaxFiles + 1)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>The demo courses shipped inside this assembly, each as a package's files.</summary>
    public static IEnumerable<(string Key, IReadOnlyDictionary<string, byte[]> Files)> DemoPackages()
    {
        var assembly = typeof(CoursePackage).Assembly;
        const string prefix = "DemoCourses/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n[prefix.Length..].Replace('\\', '/'))
            .GroupBy(n => n.Split('/')[0])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyDictionary<string, byte[]>)g.ToDictionary(n => n[(g.Key.Length + 1)..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(prefix + n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }, StringComparer.Ordinal)));
    }

    /// <summary>Writes a course read from a package back as a package.</summary>
    public static byte[] WriteZip(ImportedCourse course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return WriteZip(course.Key, course.Content, course.Recurrence, course.Images.DistinctBy(i => i.Sha256).ToDictionary(i => i.Sha256, i => i.Bytes, StringComparer.Ordinal));
    }

    /// <summary>Writes a course as a package: the manifest, one Markdown file per lesson and the images they show.</summary>
    /// <param name="key">The course's key.</param>
    /// <param name="content">The version's content.</param>
    /// <param name="recurrence">The course's recurrence, if it recurs.</param>
    /// <param name="imageBytes">The bytes of each of the content's images, by SHA-256.</param>
    public static byte[] WriteZip(string key, CourseContent content, RecertificationRules? recurrence, IReadOnlyDictionary<string, byte[]> imageBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(imageBytes);
        var manifest = new Manifest
        {
            Format = FormatVersion, Key = key, Title = content.Title, Summary = content.Summary, Audience = content.Audience, Category = content.Category, Hours = content.Hours,
            Completion = new ManifestCompletion { Rules = [.. content.Completion.Rules], RequireAll = content.Completion.RequireAll },
            Recurrence = recurrence is null ? null : new ManifestRecurrence
            {
                Mode = recurrence.Mode, ActiveMonths = recurrence.ActiveMonths, WindowMonths = recurrence.WindowMonths, FixedBaseDate = recurrence.FixedBaseDate,
                MinimumActiveMonths = recurrence.MinimumActiveMonths,
            },
            Sections = [.. content.Sections.Select((s, i) => new ManifestSection
            {
                Title = s.Title,
                Lessons = [.. s.Lessons.Select((l, j) => new ManifestLesson { Key = l.Key, Title = l.Title, File = LessonFile(i, j, l.Key) })],
            })],
            Quiz = content.Quiz is { } quiz ? new ManifestQuiz
            {
                PassMark = quiz.PassMark, MaxAttempts = quiz.MaxAttempts, Grading = quiz.Grading, Shuffle = quiz.Shuffle,
                Questions = [.. quiz.Questions.Select(q => new ManifestQuestion
                {
                    Key = q.Key, Type = q.Type, Text = q.Text, Feedback = q.Feedback,
                    Choices = q.Choices.Count == 0 ? null : [.. q.Choices.Select(c => new ManifestChoice { Key = c.Key, Text = c.Text, Correct = c.Correct })],
                    AcceptedAnswers = q.AcceptedAnswers.Count == 0 ? null : [.. q.AcceptedAnswers],
                    Pairs = q.Pairs.Count == 0 ? null : [.. q.Pairs.Select(p => new ManifestPair { Prompt = p.Prompt, Answer = p.Answer })],
                })],
            } : null,
        };

        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
            foreach (var (section, i) in content.Sections.Select((s, i) => (s, i)))
            {
                foreach (var (lesson, j) in section.Lessons.Select((l, j) => (l, j)))
                {
                    Add(zip, LessonFile(i, j, lesson.Key), Encoding.UTF8.GetBytes(lesson.Markdown));
                }
            }

            var shown = LessonMarkdown.ImagesShown(content);
            foreach (var image in content.Images.Where(i => shown.Contains(i.Name)))
            {
                Add(zip, ImageFolder + image.Name, imageBytes[image.Sha256]);
            }
        }

        return bytes.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static string LessonFile(int section, int lesson, string key) =>
        $"lessons/{section + 1:00}-{lesson + 1:00}-{string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-'))}.md";

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

    private sealed class Manifest
    {
        public int Format { get; set; }
        public string? Key { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public CourseAudience Audience { get; set; }
        public CourseCategory Category { get; set; }
        public decimal Hours { get; set; }
        public ManifestCompletion? Completion { get; set; }
        public ManifestRecurrence? Recurrence { get; set; }
        public List<ManifestSection>? Sections { get; set; }
        public ManifestQuiz? Quiz { get; set; }
    }

    private sealed class ManifestCompletion
    {
        public List<CompletionRule>? Rules { get; set; }
        public bool RequireAll { get; set; } = true;
    }

    private sealed class ManifestRecurrence
    {
        public ExpiryMode Mode { get; set; }
        public int ActiveMonths { get; set; }
        public int WindowMonths { get; set; }
        public DateOnly? FixedBaseDate { get; set; }
        public int MinimumActiveMonths { get; set; }
    }

    private sealed class ManifestSection
    {
        public string? Title { get; set; }
        public List<ManifestLesson>? Lessons { get; set; }
    }

    private sealed class ManifestLesson
    {
        public string? Key { get; set; }
        public string? Title { get; set; }
        public string? File { get; set; }
    }

    private sealed class ManifestQuiz
    {
        public decimal PassMark { get; set; }
        public int? MaxAttempts { get; set; }
        public GradingMethod Grading { get; set; }
        public bool Shuffle { get; set; }
        public List<ManifestQuestion>? Questions { get; set; }
    }

    private sealed class ManifestQuestion
    {
        public string? Key { get; set; }
        public QuestionType Type { get; set; }
        public string? Text { get; set; }
        public string? Feedback { get; set; }
        public List<ManifestChoice>? Choices { get; set; }
        public List<string>? AcceptedAnswers { get; set; }
        public List<ManifestPair>? Pairs { get; set; }
    }

    private sealed class ManifestChoice
    {
        public string? Key { get; set; }
        public string? Text { get; set; }
        public bool Correct { get; set; }
    }

    private sealed class ManifestPair
    {
        public string? Prompt { get; set; }
        public string? Answer { get; set; }
    }
}

public sealed record ImportedCourse(string Key, CourseContent Content, RecertificationRules? Recurrence, IReadOnlyList<PackageImage> Images);

/// <summary>An image in a package, with its bytes.</summary>
public sealed record PackageImage(string Name, string Sha256, string ContentType, byte[] Bytes);

/// <summary>One problem in a package: the file, the line (1-based) when known, and what to fix.</summary>
public sealed record PackageProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File} line {line}: {Message}" : $"{File}: {Message}";
}

public sealed class PackageException(IReadOnlyList<PackageProblem> problems) : Exception(string.Join("\n", problems))
{
    public IReadOnlyList<PackageProblem> Problems { get; } = problems;
}

/// <summary>The line on which each JSON value starts, by its path ($.sections[0].lessons[1].file), for messages.</summary>
internal sealed class JsonLines
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public static JsonLines Map(byte[] json)
    {
        var map = new JsonLines();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<(string Path, int Index, bool IsArray)>();
        string? property = null;
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int LineAt(long offset) => lineStarts.BinarySearch((int)offset) is var found && found >= 0 ? found + 1 : ~found;

        string Current()
        {
            if (path.Count == 0)
            {
                return "$";
            }

            var (parent, index, isArray) = path.Peek();
            return isArray ? $"{parent}[{index}]" : $"{parent}.{property}";
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    map._lines.TryAdd(Current(), LineAt(reader.TokenStartIndex));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var here = Current();
                    map._lines.TryAdd(here, LineAt(reader.TokenStartIndex));
                    path.Push((here, 0, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.Pop();
                    Advance(path);
                    break;
                default:
                    map._lines.TryAdd(Current(), LineAt(reader.TokenStartIndex));
                    Advance(path);
                    break;
            }
        }

        return map;
    }

    /// <summary>The line of the value at <paramref name="path"/>, or of the nearest enclosing value written.</summary>
    public int? LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = p[..Math.Max(p.LastIndexOfAny(['.', '[']), 0)])
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }

        return _lines.GetValueOrDefault("$", 1);
    }

    private static void Advance(Stack<(string Path, int Index, bool IsArray)> path)
    {
        if (path.Count > 0 && path.Peek() is { IsArray: true } top)
        {
            path.Pop();
            path.Push(top with { Index = top.Index + 1 });
        }
    }
}
