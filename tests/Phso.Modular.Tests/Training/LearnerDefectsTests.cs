using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.Authoring;
using Phso.Modules.Training.Features.CoursePackages;

namespace Phso.Modular.Tests.Training;

/// <summary>What outside users found in training (issue "What outside users found", items 1 to 4 and 22), each
/// through the pages a learner or admin uses.</summary>
[Collection(DemoHostCollection.Name)]
public sealed partial class LearnerDefectsTests(PhsoFactory host)
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, byte[] zip)
    {
        var form = await admin.GetPageAsync("/training/courses/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "package", "course.zip" },
        };
        return await admin.PostAsync("/training/courses/import", content);
    }

    private static int LineOf(string text, string what) => text[..text.IndexOf(what, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public async Task A_package_whose_choices_have_no_key_or_share_one_is_refused_with_the_file_and_line_of_each_choice()
    {
        var files = Packages.Demo("handling-complaints-well");
        var manifest = Encoding.UTF8.GetString(files[CoursePackage.ManifestName])
            .Replace("\"key\": \"handling-complaints-well\"", "\"key\": \"keyless-choices\"", StringComparison.Ordinal)
            // As the outside author wrote them: choices with no key at all.
            .Replace("{ \"key\": \"form\", \"text\"", "{ \"text\"", StringComparison.Ordinal)
            .Replace("{ \"key\": \"listen\", \"text\"", "{ \"text\"", StringComparison.Ordinal)
            .Replace("{ \"key\": \"apology\",", "{ \"key\": \"findings\",", StringComparison.Ordinal)
            .Replace("{ \"key\": \"false\",", "{ \"key\": \"\",", StringComparison.Ordinal);
        files[CoursePackage.ManifestName] = Encoding.UTF8.GetBytes(manifest);
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);

        var refused = await UploadAsync(admin, Packages.Zip(files));
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"course.json line {LineOf(manifest, "Send them the complaint form")}: Question \"first-step\": choice 1 needs a \"key\"", page, StringComparison.Ordinal);
        Assert.Contains($"course.json line {LineOf(manifest, "Listen, try to put it right")}: Question \"first-step\": choice 2 needs a \"key\"", page, StringComparison.Ordinal);
        Assert.Contains("Question \"good-response\": two choices have the key \"findings\"", page, StringComparison.Ordinal);
        Assert.Contains($"course.json line {LineOf(manifest, "\"key\": \"\",")}: Question \"staff-support\": choice 2 needs a \"key\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("keyless-choices", await admin.GetPageAsync("/training/courses"), StringComparison.Ordinal);
    }

    [Fact]
    public void Marking_never_counts_an_unanswered_question_as_right_whatever_is_stored()
    {
        // A quiz stored before import checked keys: every choice keyed "", as the defective package made it.
        var keyless = new Question("q", QuestionType.SingleChoice, "How long?", [new("", "10 days", false), new("", "15 days", true), new("", "20 days", false)], [], [], null);
        var many = new Question("m", QuestionType.MultipleChoice, "Which?", [new("", "A", true), new("", "B", true)], [], [], null);
        var pairs = new Question("p", QuestionType.Matching, "Match", [], [], [new("One", ""), new("Two", "")], null);
        var quiz = new Quiz([keyless, many, pairs], 50, null, GradingMethod.Highest, false);

        Assert.Equal(0, quiz.Mark(new Dictionary<string, Answer>()).Score);
        var (score, marks) = quiz.Mark(new Dictionary<string, Answer>
        {
            ["q"] = Answer.Choose(""), ["m"] = Answer.Choose("", ""), ["p"] = Answer.Match(new Dictionary<string, string> { ["One"] = "", ["Two"] = "" }),
        });
        Assert.Equal(0, score);
        Assert.All(marks.Values, mark => Assert.Equal(0, mark));
        Assert.Contains(quiz.Problems(), p => p.Contains("choice 1 needs a \"key\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_value_for_a_choice_is_no_answer_and_the_errors_and_the_result_number_questions_as_the_quiz_does()
    {
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.EdiLead);
        var course = CourseId(await learner.GetPageAsync("/learning/catalogue"), "Equality, diversity and inclusion essentials");
        var quizPage = await learner.GetPageAsync($"/learning/courses/{course}/quiz");
        var asked = QuestionHeading().Matches(quizPage).Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(5, asked.Count);

        // Every choice field sent empty, as a form with keyless choices would send it: each question is still unanswered.
        var empty = await learner.SubmitAsync($"/learning/courses/{course}/quiz",
            ("q-how-many-characteristics", ""), ("q-duty-aims", ""), ("q-adjustments-cost", ""), ("q-bias-name", " "));
        var errors = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var summary = Regex.Matches(errors, "<li><a href=\"#[^\"]+\">Answer question (\\d)</a></li>").Select(m => m.Groups[1].Value);
        Assert.Equal(["1", "2", "3", "4", "5"], summary);

        var failed = await learner.SubmitAsync($"/learning/courses/{course}/quiz", ("q-how-many-characteristics", "five"), ("q-duty-aims", "identical"), ("q-adjustments-cost", "true"),
            ("q-bias-name", "anchoring"), ("q-match-terms-0", "x"), ("q-match-terms-1", "x"), ("q-match-terms-2", "x"), ("q-match-terms-3", "x"));
        var result = await learner.GetPageAsync(failed.Headers.Location!.OriginalString);
        Assert.Equal(asked, ResultHeading().Matches(result).Select(m => m.Groups[2].Value));
        Assert.Equal(["1", "2", "3", "4", "5"], ResultHeading().Matches(result).Select(m => m.Groups[1].Value));
        Assert.Contains("Attempt 1: 0%", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_lessons_changes_nothing_marking_them_read_does_and_continue_goes_to_the_quiz_once_every_lesson_is_read()
    {
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.EdiLead);
        var course = CourseId(await learner.GetPageAsync("/learning/catalogue"), "Handling complaints well");
        string[] lessons = ["welcoming", "thorough-and-fair", "fair-and-accountable", "learning-culture"];

        // Two GETs of every lesson (a cross-site link could make them) record nothing.
        foreach (var key in lessons.Concat(lessons))
        {
            Assert.Contains("Mark as read and continue", await learner.GetPageAsync($"/learning/courses/{course}/lessons/{key}"), StringComparison.Ordinal);
        }

        var overview = await learner.GetPageAsync($"/learning/courses/{course}");
        Assert.Contains("Progress: 0%", overview, StringComparison.Ordinal);
        Assert.Contains($"href=\"/learning/courses/{course}/lessons/welcoming\" role=\"button\" draggable=\"false\" class=\"govuk-button\" data-module=\"govuk-button\">Start course", overview, StringComparison.Ordinal);

        foreach (var key in lessons)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync($"/learning/courses/{course}/lessons/{key}")).StatusCode);
        }

        overview = await learner.GetPageAsync($"/learning/courses/{course}");
        Assert.Matches($"href=\"/learning/courses/{course}/quiz\"[^>]*>Continue course</a>", overview);
        Assert.DoesNotMatch($"href=\"/learning/courses/{course}/lessons/[a-z-]+\"[^>]*>Continue course", overview);
        Assert.Contains("Progress: 80%", overview, StringComparison.Ordinal);

        // Without antiforgery the POST is refused.
        using var forged = new FormUrlEncodedContent([]);
        Assert.Equal(HttpStatusCode.BadRequest, (await learner.PostAsync($"/learning/courses/{course}/lessons/welcoming", forged)).StatusCode);
    }

    [Fact]
    public async Task The_result_of_the_passing_attempt_links_to_the_certificate_just_earned()
    {
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.Manager);
        var course = Guid.Parse(CourseId(await learner.GetPageAsync("/learning/catalogue"), "Equality, diversity and inclusion essentials"));
        await TrainingClockTests.CompleteEdiAsync(learner, course);
        var overview = await learner.GetPageAsync($"/learning/courses/{course}");
        var code = Regex.Match(overview, "href=\"/learning/certificates/([A-Z0-9-]{14})\"").Groups[1].Value;
        var attempt = Regex.Matches(overview, $"href=\"(/learning/courses/{course}/quiz/attempts/\\d+)\"").Last().Groups[1].Value;
        Assert.Contains($"<a class=\"govuk-link\" href=\"/learning/certificates/{code}\">View your certificate</a>", await learner.GetPageAsync(attempt), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_learner_home_counts_every_course_with_a_due_date_as_its_table_shows_them()
    {
        // Rosa has both yearly courses with due dates; she uses every attempt at one quiz, so it is finished (completed,
        // not passed) and still has its due date in the table.
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.Coach);
        var course = CourseId(await learner.GetPageAsync("/learning/catalogue"), "Handling complaints well");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await learner.SubmitAsync($"/learning/courses/{course}/quiz", ("q-first-step", "form"), ("q-good-response", "blame"), ("q-staff-support", "false"), ("q-who-decides", "nobody"),
                ("q-match-expectations-0", "x"), ("q-match-expectations-1", "x"), ("q-match-expectations-2", "x"), ("q-match-expectations-3", "x"));
        }

        var home = await learner.GetPageAsync("/learning");
        Assert.Contains("Completed, not passed", home, StringComparison.Ordinal);
        var table = home[home.IndexOf("Your current courses", StringComparison.Ordinal)..home.IndexOf("<h2 class=\"govuk-heading-m\">Certificates", StringComparison.Ordinal)];
        var withDates = Regex.Matches(table, "<td class=\"govuk-table__cell\">(\\d{1,2} \\w+ \\d{4}|–)</td>\\s*<td class=\"govuk-table__cell\">(?:[^<]*)</td>\\s*</tr>")
            .Count(m => m.Groups[1].Value != "–");
        Assert.True(withDates >= 2, "the demo assigns both yearly courses to all staff, with due dates");
        Assert.Contains($"<p class=\"govuk-heading-xl govuk-!-margin-bottom-1\">{withDates}</p><p class=\"govuk-body\">with a due date</p>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checking_a_certificate_with_an_empty_code_says_what_to_enter_and_an_empty_report_says_nobody_is_enrolled()
    {
        var anyone = host.CreateBrowser();
        var response = await anyone.GetAsync("/verify-certificate?code=");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#Code\">Enter the verification code printed on the certificate", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Code\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-error-summary", await anyone.GetPageAsync("/verify-certificate"), StringComparison.Ordinal);

        var files = Packages.Demo("handling-complaints-well");
        files[CoursePackage.ManifestName] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files[CoursePackage.ManifestName])
            .Replace("\"key\": \"handling-complaints-well\"", "\"key\": \"nobody-yet\"", StringComparison.Ordinal));
        Guid id;
        await using (var scope = host.SystemScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportCoursePackage(files))).CourseId;
        }

        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var report = await admin.GetPageAsync($"/training/courses/{id}/report");
        Assert.Contains("Nobody is enrolled on this course yet", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\" class=\"govuk-table__header\">Person</th>", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assigning_with_nothing_chosen_lists_the_errors_in_the_order_of_the_form()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var response = await admin.SubmitAsync("/training/assign", ("Input.CourseId", ""));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var links = Regex.Matches(page, "<li><a href=\"#([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Input_CourseId", "Input_DueOn"], links);
    }

    private static string CourseId(string catalogue, string title) =>
        Regex.Match(catalogue, $"href=\"/learning/courses/([0-9a-f-]{{36}})\">{Regex.Escape(title)}").Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<h2 class=\"govuk-(?:fieldset__heading|label-wrapper)\">(?:<label[^>]*>)?(\\d)\\. ([^<]+)<")]
    private static partial Regex QuestionHeading();

    [GeneratedRegex("<h3 class=\"govuk-summary-card__title\">(\\d)\\. ([^<]+)</h3>")]
    private static partial Regex ResultHeading();
}
