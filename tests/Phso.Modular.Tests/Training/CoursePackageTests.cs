using System.Text;
using System.Text.Json;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.CoursePackages;

namespace Phso.Modular.Tests.Training;

/// <summary>The course package format: the demo courses read, a course round-trips, and a broken package is refused
/// with each problem's file and line.</summary>
public sealed class CoursePackageTests
{
    private static Dictionary<string, byte[]> Demo(string key) => Packages.Demo(key);

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

        var zip = CoursePackage.WriteZip(original);
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

    [Fact]
    public void A_lesson_image_travels_with_the_course_and_comes_back_byte_for_byte()
    {
        var original = CoursePackage.Read(Demo("handling-complaints-well"));
        var image = Assert.Single(original.Content.Images);
        Assert.Equal("four-expectations.png", image.Name);
        Assert.Equal("image/png", image.ContentType);
        Assert.Contains("](../images/four-expectations.png)", original.Content.Lessons.First().Markdown, StringComparison.Ordinal);

        using var zip = new MemoryStream(CoursePackage.WriteZip(original));
        var files = CoursePackage.FilesOfZip(zip);
        Assert.Equal(Demo("handling-complaints-well")["images/four-expectations.png"], files["images/four-expectations.png"]);
        var again = CoursePackage.Read(files);
        Assert.Equal(Canonical(original.Content), Canonical(again.Content));
        Assert.Equal(image.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files["images/four-expectations.png"])));
    }

    [Fact]
    public void An_image_path_is_read_from_where_the_lesson_is_and_written_as_an_exported_package_has_it()
    {
        var files = Demo("handling-complaints-well");
        var manifest = Encoding.UTF8.GetString(files[CoursePackage.ManifestName]).Replace("lessons/01-welcoming.md", "welcoming.md", StringComparison.Ordinal);
        files[CoursePackage.ManifestName] = Encoding.UTF8.GetBytes(manifest);
        files["welcoming.md"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["lessons/01-welcoming.md"]).Replace("](../images/", "](./images/", StringComparison.Ordinal));
        files.Remove("lessons/01-welcoming.md");

        var course = CoursePackage.Read(files);

        Assert.Contains("](../images/four-expectations.png)", course.Content.Lessons.First().Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_that_are_missing_undescribed_from_elsewhere_or_not_what_they_claim_are_refused_with_file_and_line()
    {
        var files = Demo("handling-complaints-well");
        files["lessons/02-thorough-and-fair.md"] = Encoding.UTF8.GetBytes(string.Join('\n',
            "# Thorough and fair", "", "![](../images/four-expectations.png)", "", "![a tracking pixel](https://tracker.example/p.png)", "",
            "![a chart](../images/missing.png)", "", "![a chart][chart]", "", "[chart]: ../images/four-expectations.png"));
        files["images/unused.png"] = files["images/four-expectations.png"];
        files["images/photo.png"] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0];
        files["images/diagram.svg"] = "<svg/>"u8.ToArray();
        files["images/sub/deep.png"] = files["images/four-expectations.png"];

        var problems = Assert.Throws<PackageException>(() => CoursePackage.Read(files)).Problems.Select(p => p.ToString()).ToList();

        const string lesson = "lessons/02-thorough-and-fair.md";
        Assert.Contains($"{lesson} line 3: Describe the image \"../images/four-expectations.png\" for people who cannot see it: write what it shows between the square brackets", problems);
        Assert.Contains($"{lesson} line 5: The image \"https://tracker.example/p.png\" must be a file in the course's images folder (an image from another site would tell that site who reads the lesson)", problems);
        Assert.Contains($"{lesson} line 7: The image \"../images/missing.png\" is not in the course's images folder", problems);
        Assert.Contains($"{lesson} line 9: Write each image in place, as ![what it shows](../images/name.png)", problems);
        Assert.Contains("images/unused.png: No lesson shows this image: use it in a lesson or take it out of the package", problems);
        Assert.Contains("images/photo.png: This file's name says PNG but its content is not a PNG image", problems);
        Assert.Contains("images/diagram.svg: Images must be PNG, JPEG, GIF or WebP files (.png, .jpg, .jpeg, .gif, .webp)", problems);
        Assert.Contains(problems, p => p.StartsWith("images/sub/deep.png: Image names may use only", StringComparison.Ordinal));
        Assert.Equal(8, problems.Count);
    }

    private static string Canonical(CourseContent content) => JsonSerializer.Serialize(content);

    private static MemoryStream Zip(IReadOnlyDictionary<string, byte[]> files) => new(Packages.Zip(files));
}
