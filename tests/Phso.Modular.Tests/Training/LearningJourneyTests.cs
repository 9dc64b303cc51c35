using System.Net;
using System.Text.RegularExpressions;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Training.Contracts;

namespace Phso.Modular.Tests.Training;

/// <summary>A learner takes a course through the pages: enrol, read, fail the quiz, pass it, get a certificate that a
/// stranger can verify; and the catalogue shows each audience only its own courses.</summary>
[Collection(DemoHostCollection.Name)]
public sealed class LearningJourneyTests(PhsoFactory host)
{
    private static readonly (string, string)[] Wrong =
    [
        ("q-how-many-characteristics", "five"), ("q-duty-aims", "identical"), ("q-adjustments-cost", "true"), ("q-bias-name", "anchoring"),
        ("q-match-terms-0", "Unwanted conduct that violates someone's dignity"), ("q-match-terms-1", "Unwanted conduct that violates someone's dignity"),
        ("q-match-terms-2", "Treating someone worse because of a protected characteristic"), ("q-match-terms-3", "Treating someone worse because of a protected characteristic"),
    ];

    private static readonly (string, string)[] Right =
    [
        ("q-how-many-characteristics", "nine"), ("q-duty-aims", "eliminate"), ("q-duty-aims", "advance"), ("q-duty-aims", "relations"), ("q-adjustments-cost", "false"),
        ("q-bias-name", "Confirmation bias."),
        ("q-match-terms-0", "Treating someone worse because of a protected characteristic"), ("q-match-terms-1", "A rule for everyone that puts one group at a disadvantage"),
        ("q-match-terms-2", "Unwanted conduct that violates someone's dignity"), ("q-match-terms-3", "Treating someone badly because they raised a discrimination concern"),
    ];

    [Fact]
    public async Task A_member_of_staff_fails_then_passes_the_edi_quiz_completes_the_course_and_a_stranger_verifies_the_certificate()
    {
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.Publisher);
        var catalogue = await learner.GetPageAsync("/learning/catalogue");
        var course = Regex.Match(catalogue, "href=\"/learning/courses/([0-9a-f-]{36})\">Equality, diversity and inclusion essentials").Groups[1].Value;
        Assert.NotEmpty(course);

        // The demo assigns EDI to all staff, so Grace is already on it and starts rather than enrols (other tests
        // may have opened its first lesson as her).
        var start = await learner.GetPageAsync($"/learning/courses/{course}");
        Assert.Matches($"href=\"/learning/courses/{course}/lessons/[a-z-]+\"[^>]*>(Start|Continue) course", start);
        Assert.DoesNotContain("Enrol and start", start, StringComparison.Ordinal);
        var lesson = await learner.GetPageAsync($"/learning/courses/{course}/lessons/equality-act");
        Assert.Contains("protected characteristic", lesson, StringComparison.Ordinal);
        Assert.Contains("Mark as read and continue", lesson, StringComparison.Ordinal);
        var read = await learner.SubmitAsync($"/learning/courses/{course}/lessons/equality-act");
        Assert.Equal($"/learning/courses/{course}/lessons/public-sector-duty", read.Headers.Location!.OriginalString);
        lesson = await learner.GetPageAsync($"/learning/courses/{course}/lessons/equality-act");
        Assert.Equal("16", Regex.Match(lesson, "Course progress: (\\d+)%").Groups[1].Value); // 1 of 5 lessons and the quiz

        // An unanswered question is pointed out, and the answers given are kept.
        var incomplete = await learner.SubmitAsync($"/learning/courses/{course}/quiz", ("q-how-many-characteristics", "nine"));
        var page = await incomplete.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Answer question", page, StringComparison.Ordinal);
        Assert.Matches("value=\"nine\"[^>]*checked", page);

        var failed = await learner.SubmitAsync($"/learning/courses/{course}/quiz", Wrong);
        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        var result = await learner.GetPageAsync(failed.Headers.Location!.OriginalString);
        Assert.Contains("Attempt 1: 0%", result, StringComparison.Ordinal);
        Assert.Contains("You have 2 attempts left.", result, StringComparison.Ordinal);
        Assert.Contains("Nine: age, disability", result, StringComparison.Ordinal);

        var passed = await learner.SubmitAsync($"/learning/courses/{course}/quiz", Right);
        result = await learner.GetPageAsync(passed.Headers.Location!.OriginalString);
        Assert.Contains("Attempt 2: 100%", result, StringComparison.Ordinal);
        Assert.Contains("You passed", result, StringComparison.Ordinal);

        // Reading the other lessons completes the course (all lessons and a pass are needed).
        foreach (var (key, next) in new[] { ("public-sector-duty", "bias-in-casework"), ("bias-in-casework", "reasonable-adjustments"), ("reasonable-adjustments", "everyday-inclusion") })
        {
            var onward = await learner.SubmitAsync($"/learning/courses/{course}/lessons/{key}");
            Assert.Equal($"/learning/courses/{course}/lessons/{next}", onward.Headers.Location!.OriginalString);
        }

        var last = await learner.SubmitAsync($"/learning/courses/{course}/lessons/everyday-inclusion");
        Assert.Equal($"/learning/courses/{course}", last.Headers.Location!.OriginalString);
        var overview = await learner.GetPageAsync($"/learning/courses/{course}");
        Assert.Contains("You have completed this course", overview, StringComparison.Ordinal);
        Assert.Contains("Course completed", overview, StringComparison.Ordinal);
        var code = Regex.Match(overview, "href=\"/learning/certificates/([A-Z0-9-]{14})\"").Groups[1].Value;
        Assert.NotEmpty(code);

        var certificate = await learner.GetPageAsync($"/learning/certificates/{code}");
        Assert.Contains("Grace Lin", certificate, StringComparison.Ordinal);
        Assert.Contains("Equality, diversity and inclusion essentials", certificate, StringComparison.Ordinal);
        Assert.Contains("phso-certificate--large", await learner.GetPageAsync($"/learning/certificates/{code}?large=true"), StringComparison.Ordinal);

        // Nobody else sees it as theirs, but anyone can verify it, in any case and without hyphens.
        var someoneElse = host.CreateBrowser();
        await someoneElse.SignInAsync(Demo.Coach);
        await someoneElse.GetPageAsync($"/learning/certificates/{code}", HttpStatusCode.NotFound);
        var verified = await host.CreateBrowser().GetPageAsync($"/verify-certificate?code={code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}");
        Assert.Contains("This certificate is <strong class=\"govuk-tag govuk-tag--green\">Valid</strong>", verified, StringComparison.Ordinal);
        Assert.Contains("Grace Lin", verified, StringComparison.Ordinal);
        await host.CreateBrowser().GetPageAsync("/verify-certificate?code=AAAA-BBBB-CCCC", HttpStatusCode.NotFound);

        // An admin revokes it, with a reason, and the verify page says so.
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var noReason = await admin.SubmitAsync($"/training/certificates?code={code}", ("Reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Give the reason for revoking the certificate", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/training/certificates?code={code}", ("Reason", "Issued in error: the quiz was taken by someone else."))).StatusCode);
        verified = await host.CreateBrowser().GetPageAsync($"/verify-certificate?code={code}");
        Assert.Contains("Revoked</strong>", verified, StringComparison.Ordinal);
        Assert.Contains("Issued in error: the quiz was taken by someone else.", verified, StringComparison.Ordinal);

        await host.FlushAsync();
        var completed = Assert.Single(host.Received.Of<CourseCompleted>(), e => e.CourseTitle == "Equality, diversity and inclusion essentials" && e.Hours == 1.5m);
        Assert.Equal(CourseCategory.EqualityDiversityInclusion, completed.Category);
        Assert.Contains("Completed", await learner.GetPageAsync("/learning"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Using_every_attempt_without_a_pass_is_completed_but_failed_and_no_further_attempt_is_taken()
    {
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.Coach);
        var catalogue = await learner.GetPageAsync("/learning/catalogue");
        var course = Regex.Match(catalogue, "href=\"/learning/courses/([0-9a-f-]{36})\">Handling complaints well").Groups[1].Value;

        // The demo assigns complaint handling to all staff, so Rosa is already on it.
        (string, string)[] wrong =
        [
            ("q-first-step", "form"), ("q-good-response", "blame"), ("q-staff-support", "false"), ("q-who-decides", "the council"),
            ("q-match-expectations-0", "Board papers that report the themes from complaints"), ("q-match-expectations-1", "Board papers that report the themes from complaints"),
            ("q-match-expectations-2", "Board papers that report the themes from complaints"), ("q-match-expectations-3", "Board papers that report the themes from complaints"),
        ];
        await learner.SubmitAsync($"/learning/courses/{course}/quiz", wrong);
        var last = await learner.SubmitAsync($"/learning/courses/{course}/quiz", wrong);
        Assert.Contains("You have no attempts left.", await learner.GetPageAsync(last.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Contains("Completed, not passed", await learner.GetPageAsync($"/learning/courses/{course}"), StringComparison.Ordinal);

        var again = await learner.SubmitAsync($"/learning/courses/{course}/quiz", wrong);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("You have finished this course", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_audience_sees_only_its_own_courses_and_a_course_not_open_to_someone_is_not_found()
    {
        var handler = host.CreateBrowser();
        await handler.SignInAsync(Demo.PartnerHandler);
        var catalogue = await handler.GetPageAsync("/learning/catalogue");
        Assert.Contains("Handling complaints well", catalogue, StringComparison.Ordinal);
        Assert.DoesNotContain("Equality, diversity and inclusion essentials", catalogue, StringComparison.Ordinal);

        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        var edi = Regex.Match(await staff.GetPageAsync("/learning/catalogue"), "href=\"/learning/courses/([0-9a-f-]{36})\">Equality").Groups[1].Value;
        await handler.GetPageAsync($"/learning/courses/{edi}", HttpStatusCode.NotFound);
        var open = Regex.Match(catalogue, "href=\"/learning/courses/([0-9a-f-]{36})\">Handling").Groups[1].Value;
        Assert.Equal(HttpStatusCode.NotFound, (await handler.PostFormAsync($"/learning/courses/{open}/quiz", [], action: $"/learning/courses/{edi}")).StatusCode);
    }
}
