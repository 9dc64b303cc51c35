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

/// <summary>Packages as files: read from a zip or a folder, the demo courses shipped in this assembly, and a course
/// written back as a zip (manifest, one Markdown file per lesson, the images they show).</summary>
public static partial class CoursePackage
{
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
}
