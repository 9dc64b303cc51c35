using System.Net;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Complaints;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Persistence;
using Phso.Modules.Training.Contracts;

namespace Phso.Modular.Tests.Recommendations;

/// <summary>Training as evidence, on a host of its own (completions change the demo's shared recommendations): a
/// staff training recommendation names a course and some of the body's handlers, the training module assigns it when
/// the recommendation is issued, the recommendation shows their completions as they come in, and the last completion
/// sends them as evidence for the caseworker to check.</summary>
public sealed partial class TrainingEvidenceTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    private const string Nadia = "nadia.hussain@coldharbour.example";
    private const string Owen = "owen.price@coldharbour.example";

    private static readonly (string, string)[] RightAnswers =
    [
        ("q-first-step", "listen"), ("q-good-response", "findings"), ("q-good-response", "apology"), ("q-good-response", "ombudsman"), ("q-staff-support", "true"),
        ("q-who-decides", "The ombudsman"),
        ("q-match-expectations-0", "Posters and a web page that explain how to complain"), ("q-match-expectations-1", "Agreeing the questions with the person before investigating"),
        ("q-match-expectations-2", "A clear apology and an explanation of what will change"), ("q-match-expectations-3", "Board papers that report the themes from complaints"),
    ];

    [Fact]
    public void The_summary_counts_completions_and_the_overdue()
    {
        var progress = new TrainingProgress("Handling complaints well",
        [
            new(Guid.NewGuid(), "A", new DateOnly(2027, 1, 4), false), new(Guid.NewGuid(), "B", null, true), new(Guid.NewGuid(), "C", null, true),
        ]);
        Assert.Equal("1 of 3 handlers completed, 2 overdue", progress.Summary);
        Assert.False(progress.AllCompleted);
        Assert.Equal("1 of 1 handler completed", new TrainingProgress("X", [new(Guid.NewGuid(), "A", new DateOnly(2027, 1, 4), false)]).Summary);
        Assert.False(new TrainingProgress("X", []).AllCompleted);
    }

    [Fact]
    public async Task The_demo_staff_training_recommendation_shows_one_of_coldharbours_three_handlers_completed_to_staff_and_to_the_body()
    {
        var id = await DemoTrainingRecommendationAsync();
        var caseworker = await SignedInAsync(Demo.Caseworker);
        var staffPage = await caseworker.GetPageAsync($"/recommendations/{id}");
        Assert.Contains("1 of 3 handlers completed", staffPage, StringComparison.Ordinal);
        Assert.Contains("Imran Qureshi: completed", staffPage, StringComparison.Ordinal);
        Assert.Contains("Nadia Hussain: not completed yet", staffPage, StringComparison.Ordinal);
        var lead = await SignedInAsync(Demo.PartnerLead);
        Assert.Contains("1 of 3 handlers completed", await lead.GetPageAsync($"/partner/recommendations/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Named_handlers_are_assigned_the_course_on_issue_and_the_last_completion_becomes_the_evidence_the_caseworker_accepts()
    {
        var reference = await host.DemoCaseAsync(CaseStage.Closed, "Coldharbour");
        var page = $"/cases/{reference}/recommendations";
        var caseworker = await SignedInAsync(Demo.Caseworker);
        var form = await caseworker.GetPageAsync(page);
        var course = CourseOption().Match(form).Groups[1].Value;
        Assert.NotEmpty(course);
        var nadia = (await host.PersonAsync(Nadia)).ToString();
        var owen = (await host.PersonAsync(Owen)).ToString();
        Assert.Contains($"value=\"{nadia}\"", form, StringComparison.Ordinal);

        // A course on anything but staff training, a course without handlers, and someone who is not a handler there are refused on their inputs.
        var dueOn = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(60);
        (string, string)[] fields = [("Input.Kind", "Systemic"), ("Input.Text", "Train the complaints team."), ("Input.EvidenceExpected", "Their completions."), ("Input.DueBy", "Date"), .. Casework.Date("Input.DueOn", dueOn)];
        var wrongCategory = await Refused(caseworker, page, [.. fields, ("Input.Category", "Apology"), ("Input.CourseId", course), ("Input.TraineeIds", nadia)]);
        Assert.Contains("href=\"#Input_CourseId\"", wrongCategory, StringComparison.Ordinal);
        Assert.Contains("Train the complaints team.", wrongCategory, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_TraineeIds\"", await Refused(caseworker, page, [.. fields, ("Input.Category", "StaffTrained"), ("Input.CourseId", course)]), StringComparison.Ordinal);
        var notAHandler = await Refused(caseworker, page, [.. fields, ("Input.Category", "StaffTrained"), ("Input.CourseId", course), ("Input.TraineeIds", (await host.PersonAsync(Demo.PartnerLead)).ToString())]);
        Assert.Contains("Select handlers of Coldharbour", notAHandler, StringComparison.Ordinal);

        var before = await IdsAsync(reference);
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.PostFormAsync(page,
            [.. Pairs([.. fields, ("Input.Category", "StaffTrained"), ("Input.CourseId", course), ("Input.TraineeIds", nadia), ("Input.TraineeIds", owen)])], $"{page}?handler=Draft")).StatusCode);
        var id = Assert.Single((await IdsAsync(reference)).Except(before));
        Assert.Contains("2 handlers named; assigned when issued", await caseworker.GetPageAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(caseworker, page)).StatusCode);
        await host.FlushAsync();

        // The training module assigned it: Nadia sees it due on her learning page, and the assignment says why.
        var learner = await SignedInAsync(Nadia);
        Assert.Contains("Handling complaints well", await learner.GetPageAsync("/learning"), StringComparison.Ordinal);
        var admin = await SignedInAsync(Demo.Admin);
        Assert.Matches($"2 of Coldharbour[^<]*'s complaint handlers, for the recommendation on case {reference}",
            WebUtility.HtmlDecode(await admin.GetPageAsync($"/training/courses/{course}")));

        var lead = await SignedInAsync(Demo.PartnerLead);
        Assert.Contains("0 of 2 handlers completed", await lead.GetPageAsync($"/partner/recommendations/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync($"/partner/recommendations/{id}/accept", ("Input.Note", "Both will do it this month."))).StatusCode);
        await host.FlushAsync();

        await CompleteCourseAsync(learner, course);
        await host.FlushAsync();
        Assert.Contains("1 of 2 handlers completed", await caseworker.GetPageAsync($"/recommendations/{id}"), StringComparison.Ordinal);
        Assert.Equal(RecommendationStatus.Accepted, await StatusAsync(id));

        await CompleteCourseAsync(await SignedInAsync(Owen), course);
        await host.FlushAsync();
        await host.FlushAsync();
        Assert.Equal(RecommendationStatus.EvidenceSent, await StatusAsync(id));
        var evidence = await caseworker.GetPageAsync($"/recommendations/{id}");
        Assert.Contains("2 of 2 handlers completed", evidence, StringComparison.Ordinal);
        Assert.Contains("All 2 handlers named have completed Handling complaints well", evidence, StringComparison.Ordinal);
        Assert.Contains($"Case {reference}: training completed, evidence to check", await caseworker.GetPageAsync("/notifications"), StringComparison.Ordinal);

        // The caseworker still decides.
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.SubmitAsync($"/recommendations/{id}/accept-evidence", ("Input.Note", "Training records checked."))).StatusCode);
        Assert.Equal(RecommendationStatus.Complied, await StatusAsync(id));
    }

    [Fact]
    public async Task Handlers_who_have_all_completed_before_the_body_accepts_are_its_evidence_as_soon_as_it_does()
    {
        var reference = await host.DemoCaseAsync(CaseStage.Closed, "Coldharbour");
        var page = $"/cases/{reference}/recommendations";
        var caseworker = await SignedInAsync(Demo.Caseworker);
        var course = CourseOption().Match(await caseworker.GetPageAsync(page)).Groups[1].Value;
        var before = await IdsAsync(reference);
        // Imran completed the course in the demo data.
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.PostFormAsync(page, [.. Pairs([
            ("Input.Kind", "Systemic"), ("Input.Category", "StaffTrained"), ("Input.Text", "Make sure the complaints lead has done the training."), ("Input.EvidenceExpected", "His completion."),
            ("Input.DueBy", "WorkingDays"), ("Input.WorkingDays", "40"), ("Input.CourseId", course), ("Input.TraineeIds", (await host.PersonAsync(Demo.PartnerHandler)).ToString())])], $"{page}?handler=Draft")).StatusCode);
        var id = Assert.Single((await IdsAsync(reference)).Except(before));
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(caseworker, page)).StatusCode);
        await host.FlushAsync();
        Assert.Equal(RecommendationStatus.Issued, await StatusAsync(id));

        var lead = await SignedInAsync(Demo.PartnerLead);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync($"/partner/recommendations/{id}/accept", ("Input.Note", ""))).StatusCode);
        await host.FlushAsync();
        Assert.Equal(RecommendationStatus.EvidenceSent, await StatusAsync(id));
    }

    private static async Task CompleteCourseAsync(HttpClient learner, string course)
    {
        foreach (var lesson in new[] { "welcoming", "thorough-and-fair", "fair-and-accountable", "learning-culture" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync($"/learning/courses/{course}/lessons/{lesson}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync($"/learning/courses/{course}/quiz", RightAnswers)).StatusCode);
        Assert.Contains("Completed", await learner.GetPageAsync($"/learning/courses/{course}"), StringComparison.Ordinal);
    }

    private static async Task<string> Refused(HttpClient caseworker, string page, (string, string)[] fields)
    {
        var response = await caseworker.PostFormAsync(page, [.. Pairs(fields)], $"{page}?handler=Draft");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs((string Name, string Value)[] fields) => fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));

    private static async Task<HttpResponseMessage> IssueAsync(HttpClient caseworker, string page)
    {
        var html = await caseworker.GetPageAsync(page);
        var drafts = DraftField().Matches(html).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.NotEmpty(drafts);
        return await caseworker.PostFormAsync(page, drafts, $"{page}?handler=Issue");
    }

    private async Task<Guid> DemoTrainingRecommendationAsync()
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>().Recommendations
            .Where(r => r.TrainingCourseId != null && r.BodyName.StartsWith("Coldharbour")).Select(r => r.Id).FirstAsync();
    }

    private async Task<List<Guid>> IdsAsync(string reference)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>().Recommendations.Where(r => r.CaseReference == reference).Select(r => r.Id).ToListAsync();
    }

    private async Task<RecommendationStatus> StatusAsync(Guid id)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>().Recommendations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync();
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = host.CreateBrowser();
        await browser.SignInAsync(email);
        return browser;
    }

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"[^>]*>Handling complaints well</option>")]
    private static partial Regex CourseOption();

    [GeneratedRegex("name=\"(Drafts\\[\\d+\\]\\.(?:Id|Version))\" value=\"([^\"]+)\"")]
    private static partial Regex DraftField();
}
