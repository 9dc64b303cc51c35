using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Phso.Modular.Tests.Complaints;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Training.Features.CoursePackages;

namespace Phso.Modular.Tests.Training;

/// <summary>An admin imports, publishes and exports courses through the pages; a broken package changes nothing.</summary>
[Collection(DemoHostCollection.Name)]
public sealed class CourseAuthoringTests(PhsoFactory host)
{
    private static byte[] Package(Func<string, string>? changeManifest = null, string key = "safeguarding-basics")
    {
        var files = Packages.Demo("handling-complaints-well");
        var manifest = Encoding.UTF8.GetString(files[CoursePackage.ManifestName])
            .Replace("\"key\": \"handling-complaints-well\"", $"\"key\": \"{key}\"", StringComparison.Ordinal)
            .Replace("\"title\": \"Handling complaints well\"", "\"title\": \"Safeguarding basics\"", StringComparison.Ordinal);
        files[CoursePackage.ManifestName] = Encoding.UTF8.GetBytes(changeManifest?.Invoke(manifest) ?? manifest);
        if (changeManifest is not null)
        {
            return Packages.Zip(files);
        }

        return CoursePackage.WriteZip(CoursePackage.Read(files));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, byte[] zip)
    {
        var form = await admin.GetPageAsync("/training/courses/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "package", "course.zip" },
        };
        return await admin.PostAsync("/training/courses/import", content);
    }

    [Fact]
    public async Task An_admin_imports_a_package_publishes_it_and_exports_the_same_course()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var imported = await UploadAsync(admin, Package());
        Assert.True(imported.StatusCode == HttpStatusCode.Redirect, Browser.Excerpt(await imported.Content.ReadAsStringAsync()));
        var coursePage = imported.Headers.Location!.OriginalString;
        Assert.Contains("Publish version 1", await admin.GetPageAsync(coursePage), StringComparison.Ordinal);

        var published = await admin.SubmitAsync($"{coursePage}?handler=Publish");
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, Browser.Excerpt(await published.Content.ReadAsStringAsync()));
        Assert.Contains("Published: version 1", await admin.GetPageAsync("/training/courses"), StringComparison.Ordinal);

        var export = await admin.GetAsync($"{coursePage}?handler=Export");
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        using var zip = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var exported = CoursePackage.Read(CoursePackage.FilesOfZip(zip));
        Assert.Equal("Safeguarding basics", exported.Content.Title);

        // Assigned to Alex, then the assignment removed: his unfinished record ends.
        var courseId = coursePage.Split('/')[^1];
        var alex = (await host.PersonAsync(Demo.Staff)).ToString();
        var assigned = await admin.SubmitAsync($"/training/assign?course={courseId}",
            [("Input.CourseId", courseId), ("Input.Target", "Person"), ("Input.PersonId", alex), .. Casework.Date("Input.DueOn", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30))]);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.Staff);
        Assert.Contains("Safeguarding basics", await learner.GetPageAsync("/learning"), StringComparison.Ordinal);
        var withAssignment = await admin.GetPageAsync(coursePage);
        var remove = Regex.Match(withAssignment, "action=\"(/training/courses/[^\"]+handler=Remove&amp;assignment=[^\"]+)\"").Groups[1].Value;
        var token = Regex.Match(withAssignment, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var removal = new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(WebUtility.HtmlDecode(remove), removal)).StatusCode);
        Assert.DoesNotContain("Safeguarding basics", await learner.GetPageAsync("/learning"), StringComparison.Ordinal);

        // The same key again makes a new draft of this course; the published version stays.
        var again = await UploadAsync(admin, Package());
        Assert.Equal(coursePage, again.Headers.Location!.OriginalString);
        Assert.Contains("Publish version 2", await admin.GetPageAsync(coursePage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lesson_shows_its_image_from_this_site_and_the_export_carries_it()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var coursePage = (await UploadAsync(admin, Package(key: "pictures-course"))).Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"{coursePage}?handler=Publish")).StatusCode);
        var courseId = coursePage.Split('/')[^1];
        var diagram = Packages.Demo("handling-complaints-well")["images/four-expectations.png"];
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(diagram));

        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.PartnerLead);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync($"/learning/courses/{courseId}")).StatusCode);
        var lesson = await learner.GetPageAsync($"/learning/courses/{courseId}/lessons/welcoming");
        Assert.Contains($"<img src=\"/learning/images/{hash}\"", lesson, StringComparison.Ordinal);
        Assert.Contains("alt=\"The four expectations as a cycle", lesson, StringComparison.Ordinal);

        var image = await learner.GetAsync($"/learning/images/{hash}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", image.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(diagram, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/learning/images/{new string('0', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/learning/images/not-a-hash")).StatusCode);

        var export = await admin.GetAsync($"{coursePage}?handler=Export");
        using var zip = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(diagram, CoursePackage.FilesOfZip(zip)["images/four-expectations.png"]);
    }

    [Fact]
    public async Task An_admin_changes_a_course_on_its_page_and_a_learner_part_way_keeps_the_version_they_started()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var coursePage = (await UploadAsync(admin, Package(key: "edited-course"))).Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"{coursePage}?handler=Publish")).StatusCode);
        var courseId = coursePage.Split('/')[^1];
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.PartnerHandler);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync($"/learning/courses/{courseId}")).StatusCode);
        const string lessonPage = "/lessons/thorough-and-fair";

        var started = await admin.SubmitAsync($"{coursePage}?handler=StartDraft");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var withDraft = await admin.GetPageAsync(coursePage);
        Assert.Contains("Draft version 2", withDraft, StringComparison.Ordinal);
        var twice = await admin.SubmitAsync($"{coursePage}?handler=StartDraft");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("This course already has a draft", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Details: a duration that is not a number is refused, keeping what was typed.
        var details = $"{coursePage}/draft/details";
        var badHours = await admin.SubmitAsync(details, ("Input.Title", "Handling complaints, revised"), ("Input.Hours", "two"));
        var badHoursPage = await badHours.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badHours.StatusCode);
        Assert.Contains("Enter the duration as a number of hours, for example 1.5", badHoursPage, StringComparison.Ordinal);
        Assert.Contains("value=\"Handling complaints, revised\"", badHoursPage, StringComparison.Ordinal);
        var noTitle = await admin.SubmitAsync(details, ("Input.Title", " "), ("Input.Hours", "0"));
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        var noTitlePage = await noTitle.Content.ReadAsStringAsync();
        Assert.Contains("Enter the course title", noTitlePage, StringComparison.Ordinal);
        Assert.Contains("The duration must be more than 0 and at most 100 hours", noTitlePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(details, ("Input.Title", "Handling complaints, revised"), ("Input.Hours", "1.5"))).StatusCode);

        // A lesson: raw HTML and an undescribed image are refused with their lines; the preview saves nothing.
        var lessonEditor = $"{coursePage}/draft/lessons/thorough-and-fair";
        var broken = "## Revised\n\n<b>bold</b>\n\n![](../images/four-expectations.png)";
        var refused = await admin.SubmitAsync(lessonEditor, ("Input.Title", "Thorough and fair"), ("Input.Markdown", broken));
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Line 3: Raw HTML is not allowed in a lesson; write it in Markdown", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Line 5: Describe the image &quot;../images/four-expectations.png&quot;", refusedPage, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", refusedPage, StringComparison.Ordinal);

        var revised = "## Revised\n\nCheck every fact **twice**.\n\n![The four expectations](../images/four-expectations.png)";
        var preview = await admin.SubmitAsync(lessonEditor, ("Input.Title", "Thorough and fair"), ("Input.Markdown", revised), ("action", "preview"));
        var previewPage = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Preview (not saved)", previewPage, StringComparison.Ordinal);
        Assert.Contains("Check every fact <strong>twice</strong>.", previewPage, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/learning/images/", previewPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Check every fact", await admin.GetPageAsync(lessonEditor), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(lessonEditor, ("Input.Title", "Thorough and fair"), ("Input.Markdown", revised))).StatusCode);
        var addLesson = $"{coursePage}/draft/lessons?section=0";
        var duplicate = await admin.SubmitAsync(addLesson, ("Input.Key", "welcoming"), ("Input.Title", "Again"), ("Input.Markdown", "Text"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("A lesson already has the key &quot;welcoming&quot;: choose another", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(addLesson, ("Input.Key", "recording-decisions"), ("Input.Title", "Recording decisions"), ("Input.Markdown", "Write down why."))).StatusCode);

        // A form read before someone else's change is refused rather than overwriting it.
        var stale = await admin.SubmitAsync(details, ("Input.Version", "1"), ("Input.Title", "Stale"), ("Input.Hours", "1"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Nothing reaches learners until it is published; then a new learner gets it and the first keeps version 1.
        Assert.DoesNotContain("Check every fact", await learner.GetPageAsync($"/learning/courses/{courseId}{lessonPage}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"{coursePage}?handler=Publish")).StatusCode);
        Assert.DoesNotContain("Check every fact", await learner.GetPageAsync($"/learning/courses/{courseId}{lessonPage}"), StringComparison.Ordinal);
        var newcomer = host.CreateBrowser();
        await newcomer.SignInAsync(Demo.PartnerLead);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SubmitAsync($"/learning/courses/{courseId}")).StatusCode);
        Assert.Contains("Check every fact", await newcomer.GetPageAsync($"/learning/courses/{courseId}{lessonPage}"), StringComparison.Ordinal);
        Assert.Contains("Recording decisions", await newcomer.GetPageAsync($"/learning/courses/{courseId}"), StringComparison.Ordinal);
        Assert.Contains("Handling complaints, revised", await newcomer.GetPageAsync("/learning/catalogue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_package_is_refused_with_each_file_and_line_and_nothing_is_imported()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var broken = Package(m => m.Replace("\"passMark\": 75", "\"passMark\": 175", StringComparison.Ordinal)
            .Replace("lessons/04-learning-culture.md", "lessons/04-missing.md", StringComparison.Ordinal), key: "broken-course");

        var refused = await UploadAsync(admin, broken);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The package has 3 problems", page, StringComparison.Ordinal);
        Assert.Matches("course.json line \\d+: The lesson file &quot;lessons/04-missing.md&quot; is not in the package", page);
        Assert.Matches("course.json line \\d+: The pass mark must be between 0 and 100", page);
        Assert.Contains("lessons/04-learning-culture.md: This lesson file is not listed in course.json", page, StringComparison.Ordinal);
        Assert.DoesNotContain("broken-course", await admin.GetPageAsync("/training/courses"), StringComparison.Ordinal);

        var notZip = await UploadAsync(admin, "%PDF-1.4"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        Assert.Contains("The file is not a zip file", await notZip.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
