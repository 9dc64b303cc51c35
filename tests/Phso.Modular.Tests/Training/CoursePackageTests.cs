using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.CoursePackages;

namespace Phso.Modular.Tests.Training;

/// <summary>The course package format: the demo courses read, a course round-trips, and a broken package is refused
/// with each problem's file and line.</summary>
public sealed class CoursePackageTests
{
    private static Dictionary<string, byte[]> Demo(string key) =>
        new(CoursePackage.DemoPackages().Single(p => p.Key == key).Files, StringComparer.Ordinal);

    [Theory]
    [InlineData("edi-essentials")]
    [InlineData("handling-complaints-well")]
    public void The_demo_courses_are_valid_packages_with_a_quiz_of_every_question_type(string key)
    {
        var course = CoursePackage.Read(Demo(key));

        Assert.Equal(key, course.Key);
        Assert.Empty(course.Content.Problems());
        Assert.True(course.Content.Lessons.Count() >= 4);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), course.Content.Quiz!.Questions.Select(q => q.Type).Distinct().Order());
        Assert.NotNull(course.Recurrence);
    }

    [Fact]
    public void Exporting_then_importing_gives_the_same_course()
    {
        var original = CoursePackage.Read(Demo("edi-essentials"));

        var zip = CoursePackage.WriteZip(original.Key, original.Content, original.Recurrence);
        using var stream = new MemoryStream(zip);
        var again = CoursePackage.Read(CoursePackage.FilesOfZip(stream));

        Assert.Equal(original.Key, again.Key);
        Assert.Equal(original.Recurrence, again.Recurrence);
        Assert.Equal(Canonical(original.Content), Canonical(again.Content));
    }

    [Fact]
    public void A_zip_of_a_folder_is_read_from_inside_that_folder()
    {
        using var zip = Zip(Demo("edi-essentials").ToDictionary(f => "edi-essentials/" + f.Key, f => f.Value));
        Assert.Equal("edi-essentials", CoursePackage.Read(CoursePackage.FilesOfZip(zip)).Key);
    }

    [Fact]
    public void A_json_mistake_is_reported_with_its_line()
    {
        var files = Demo("edi-essentials");
        var lines = Encoding.UTF8.GetString(files[CoursePackage.ManifestName]).Split('\n').ToList();
        var titleLine = lines.FindIndex(l => l.Contains("\"title\": \"Equality", StringComparison.Ordinal));
        lines[titleLine] = lines[titleLine].TrimEnd(',', '\r'); // a missing comma
        files[CoursePackage.ManifestName] = Encoding.UTF8.GetBytes(string.Join('\n', lines));

        var problem = Assert.Single(Assert.Throws<PackageException>(() => CoursePackage.Read(files)).Problems);
        Assert.Equal("course.json", problem.File);
        Assert.Equal(titleLine + 2, problem.Line);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_file_and_line_and_nothing_is_imported()
    {
        var files = Demo("edi-essentials");
        var manifest = Encoding.UTF8.GetString(files[CoursePackage.ManifestName])
            .Replace("\"file\": \"lessons/05-everyday-inclusion.md\"", "\"file\": \"lessons/05-missing.md\"", StringComparison.Ordinal)
            .Replace("\"passMark\": 70", "\"passMark\": 170", StringComparison.Ordinal)
            .Replace("\"text\": \"Nine\", \"correct\": true", "\"text\": \"Nine\", \"correct\": false", StringComparison.Ordinal);
        files[CoursePackage.ManifestName] = Encoding.UTF8.GetBytes(manifest);
        files["lessons/02-public-sector-duty.md"] = Encoding.UTF8.GetBytes("# Duty\n\nSome text.\n\n<script>alert(1)</script>\n");
        var lineOf = (string text) => manifest.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

        var problems = Assert.Throws<PackageException>(() => CoursePackage.Read(files)).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains($"course.json line {lineOf("05-missing.md")}: The lesson file \"lessons/05-missing.md\" is not in the package", problems);
        Assert.Contains($"course.json line {lineOf("\"passMark\": 170")}: The pass mark must be between 0 and 100", problems);
        Assert.Contains(problems, p => p.StartsWith($"course.json line {lineOf("\"questions\"") + 1}: Question \"how-many-characteristics\": a single choice question needs", StringComparison.Ordinal));
        Assert.Contains("lessons/02-public-sector-duty.md line 5: Raw HTML is not allowed in a lesson; write it in Markdown", problems);
        Assert.Contains("lessons/05-everyday-inclusion.md: This lesson file is not listed in course.json", problems);
    }

    [Fact]
    public void An_unknown_setting_or_value_is_refused_with_its_line()
    {
        var files = Demo("edi-essentials");
        var manifest = Encoding.UTF8.GetString(files[CoursePackage.ManifestName]).Replace("\"audience\": \"Staff\"", "\"audience\": \"Volunteers\"", StringComparison.Ordinal);
        files[CoursePackage.ManifestName] = Encoding.UTF8.GetBytes(manifest);
        var problem = Assert.Single(Assert.Throws<PackageException>(() => CoursePackage.Read(files)).Problems);
        Assert.Equal(manifest.Split('\n').ToList().FindIndex(l => l.Contains("Volunteers", StringComparison.Ordinal)) + 1, problem.Line);
        Assert.Contains("$.audience", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.md")]
    [InlineData("lessons/../../outside.md")]
    public void A_zip_entry_that_escapes_the_package_is_refused(string name)
    {
        using var zip = Zip(new Dictionary<string, byte[]>(Demo("edi-essentials")) { [name] = "x"u8.ToArray() });
        var problem = Assert.Single(Assert.Throws<PackageException>(() => CoursePackage.FilesOfZip(zip)).Problems);
        Assert.Equal("This file's path leads outside the package", problem.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        using var notZip = new MemoryStream("%PDF-1.4"u8.ToArray());
        Assert.Equal("The file is not a zip file", Assert.Single(Assert.Throws<PackageException>(() => CoursePackage.FilesOfZip(notZip)).Problems).Message);
    }

    private static string Canonical(CourseContent content) => JsonSerializer.Serialize(content);

    private static MemoryStream Zip(IReadOnlyDictionary<string, byte[]> files)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
