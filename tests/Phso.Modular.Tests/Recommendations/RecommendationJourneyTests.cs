using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Persistence;

namespace Phso.Modular.Tests.Recommendations;

/// <summary>The whole journey through the pages: the caseworker writes and issues, the body's partner lead accepts
/// and sends evidence, the caseworker asks for more and then accepts; and what each party may not do.</summary>
[Collection(DemoHostCollection.Name)]
public sealed partial class RecommendationJourneyTests(PhsoFactory host)
{
    [Fact]
    public async Task A_caseworker_issues_recommendations_the_body_accepts_and_sends_evidence_and_the_caseworker_goes_back_until_satisfied()
    {
        var reference = await host.DemoCaseAsync(CaseStage.Closed, "Coldharbour");
        var demo = await RecommendationIdsAsync(reference);
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        Assert.Contains($"/cases/{reference}/recommendations", await caseworker.GetPageAsync($"/cases/{reference}"), StringComparison.Ordinal);

        // An empty draft is refused on each input, and what was typed is kept.
        var page = $"/cases/{reference}/recommendations";
        var refused = await caseworker.PostFormAsync(page, [new("Input.Category", "FinancialRemedy"), new("Input.Text", "Pay Mrs R £300 for the distress caused."), new("Input.DueBy", "Date")], $"{page}?handler=Draft");
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        foreach (var (field, message) in new[] { ("Input_Kind", "Select whether the recommendation is for the complainant"), ("Input_Amount", "Enter the amount the body is to pay"),
                     ("Input_EvidenceExpected", "Enter the evidence that will show"), ("Input_DueOn", "Enter the due date") })
        {
            Assert.Contains($"href=\"#{field}\"", body, StringComparison.Ordinal);
            Assert.Contains(message, body, StringComparison.Ordinal);
        }

        Assert.Contains("Pay Mrs R £300 for the distress caused.", WebUtility.HtmlDecode(body), StringComparison.Ordinal);

        // Two drafts: one due in 20 working days of the decision, one on a date; then issued together.
        var dueOn = host.Clock.GetUtcNow().Date.AddDays(40);
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.PostFormAsync(page,
            [new("Input.Kind", "Individual"), new("Input.Category", "FinancialRemedy"), new("Input.Amount", "300"), new("Input.Text", "Pay Mrs R £300 for the distress caused."),
             new("Input.EvidenceExpected", "Proof of payment."), new("Input.DueBy", "Date"), new("Input.DueOn.Day", dueOn.Day.ToString(CultureInfo.InvariantCulture)), new("Input.DueOn.Month", dueOn.Month.ToString(CultureInfo.InvariantCulture)), new("Input.DueOn.Year", dueOn.Year.ToString(CultureInfo.InvariantCulture))],
            $"{page}?handler=Draft")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.PostFormAsync(page,
            [new("Input.Kind", "Systemic"), new("Input.Category", "ProcedureChanged"), new("Input.Text", "Review how pain relief is given on the ward at night."),
             new("Input.EvidenceExpected", "The revised procedure and a record that staff were told."), new("Input.DueBy", "WorkingDays"), new("Input.WorkingDays", "60")],
            $"{page}?handler=Draft")).StatusCode);
        var issued = await IssueAsync(caseworker, page);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var ids = (await RecommendationIdsAsync(reference)).Except(demo).ToList();
        Assert.Equal(2, ids.Count);
        await host.FlushAsync();

        // The partner lead was told, sees them, and accepts the payment; refusing needs a reason.
        var lead = host.CreateBrowser();
        await lead.SignInAsync(Demo.PartnerLead);
        Assert.Contains($"Case {reference}: 2 recommendations", await lead.GetPageAsync("/notifications"), StringComparison.Ordinal);
        var list = await lead.GetPageAsync("/partner/recommendations");
        Assert.All(ids, id => Assert.Contains(id.ToString(), list, StringComparison.Ordinal));
        var payment = ids[0];
        var systemic = ids[1];
        var noReason = await lead.SubmitAsync($"/partner/recommendations/{systemic}/refuse", ("Input.Reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("href=\"#Input_Reason\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync($"/partner/recommendations/{payment}/accept", ("Input.Note", "Finance will pay this week."))).StatusCode);

        // Accepting twice is an illegal move: 409 with the state machine's message.
        var again = await lead.SubmitAsync($"/partner/recommendations/{payment}/accept", ("Input.Note", ""));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("A recommendation that is accepted cannot be accepted", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Evidence with a file that is not a PDF is refused on the file input, keeping the description; then a PDF is kept.
        var refusedFile = await SendEvidenceAsync(lead, payment, "We paid on Monday.", [0x4D, 0x5A, 0x90, 0x00], "payment.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, refusedFile.StatusCode);
        var refusedPage = await refusedFile.Content.ReadAsStringAsync();
        Assert.Contains("govuk-file-upload--error", refusedPage, StringComparison.Ordinal);
        Assert.Contains("We paid on Monday.", refusedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SendEvidenceAsync(lead, payment, "We paid on Monday.", "%PDF-1.4\n%%EOF\n"u8.ToArray(), "payment.pdf")).StatusCode);

        // The caseworker asks for more; the body sends more; the caseworker accepts: complied (by the due date).
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.SubmitAsync($"/recommendations/{payment}/more-evidence", ("Input.Reason", "Send the remittance advice, not the request."))).StatusCode);
        Assert.Contains("Send the remittance advice", await lead.GetPageAsync($"/partner/recommendations/{payment}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SendEvidenceAsync(lead, payment, "The remittance advice.", "%PDF-1.7\n%%EOF\n"u8.ToArray(), "remittance.pdf")).StatusCode);
        var detail = await caseworker.GetPageAsync($"/recommendations/{payment}");
        var file = FileLink().Match(detail);
        Assert.True(file.Success, "the evidence file is linked from the recommendation");
        var download = await caseworker.GetAsync(file.Groups[1].Value);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.SubmitAsync($"/recommendations/{payment}/accept-evidence", ("Input.Note", "Paid in full."))).StatusCode);
        Assert.Equal(RecommendationStatus.Complied, await StatusAsync(payment));
        var history = await caseworker.GetPageAsync($"/recommendations/{payment}");
        foreach (var step in new[] { "Issued", "Accepted", "Evidence sent", "More evidence asked for", "Complied" })
        {
            Assert.Contains($"<strong>{step}</strong>", history, StringComparison.Ordinal);
        }

        // The systemic one is refused, then not complied: withdrawn needs a reason.
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync($"/partner/recommendations/{systemic}/refuse", ("Input.Reason", "The ward has closed."))).StatusCode);
        var noWithdrawReason = await caseworker.SubmitAsync($"/recommendations/{systemic}/withdraw", ("Input.Reason", " "));
        Assert.Equal(HttpStatusCode.BadRequest, noWithdrawReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.SubmitAsync($"/recommendations/{systemic}/not-complied", ("Input.Reason", "No alternative was offered."))).StatusCode);
        Assert.Equal(RecommendationStatus.NotComplied, await StatusAsync(systemic));

        // A stale version is a conflict that keeps what was typed.
        var stale = await caseworker.PostFormAsync($"/recommendations/{payment}/withdraw", [new("Version", "1"), new("Input.Reason", "Typed on a stale page.")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Typed on a stale page.", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_reaches_nothing_of_another_organisations_recommendations_through_pages_or_the_api_and_staff_who_do_not_work_cases_only_read()
    {
        var reference = await host.DemoCaseAsync(CaseStage.Closed, "Eastfield");
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        var page = $"/cases/{reference}/recommendations";
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.PostFormAsync(page,
            [new("Input.Kind", "Individual"), new("Input.Category", "Apology"), new("Input.Text", "Apologise to Mr R."), new("Input.EvidenceExpected", "The letter."),
             new("Input.DueBy", "WorkingDays"), new("Input.WorkingDays", "200")], $"{page}?handler=Draft")).StatusCode);
        var draft = (await RecommendationIdsAsync(reference)).Single();

        // A draft is not the body's to see, even its own; issued, it is still another organisation's.
        var lead = host.CreateBrowser();
        await lead.SignInAsync(Demo.PartnerLead);
        await lead.GetPageAsync($"/partner/recommendations/{draft}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(caseworker, page)).StatusCode);
        foreach (var path in new[] { "", "/accept", "/refuse", "/evidence" })
        {
            await lead.GetPageAsync($"/partner/recommendations/{draft}{path}", HttpStatusCode.NotFound);
        }

        Assert.DoesNotContain(draft.ToString(), await lead.GetPageAsync("/partner/recommendations"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/partner/recommendations/{draft}")).StatusCode);
        var accept = await lead.PostAsJsonAsync($"/api/partner/recommendations/{draft}/accept", new { version = 2, note = "Trying another body's." });
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(RecommendationStatus.Issued, await StatusAsync(draft));
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/recommendations/{draft}")).StatusCode);

        // A manager reads but cannot act.
        var manager = host.CreateBrowser();
        await manager.SignInAsync(Demo.Manager);
        await manager.GetPageAsync(page);
        await manager.GetPageAsync($"/recommendations/{draft}");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/recommendations/{draft}/withdraw")).StatusCode);
    }

    [Fact]
    public async Task Through_the_api_a_draft_names_its_fields_a_missing_version_is_a_400_and_an_illegal_move_a_409()
    {
        var reference = await host.DemoCaseAsync(CaseStage.Closed, "Northmoor");
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        var bad = await caseworker.PostAsJsonAsync($"/api/cases/{reference}/recommendations/", new { kind = "Individual", category = "Apology", amount = 10, text = "", dueBy = "WorkingDays", workingDays = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "Amount", "Text", "EvidenceExpected", "WorkingDays" })
        {
            Assert.Contains($"\"{field}\"", problem, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await caseworker.PostAsJsonAsync($"/api/cases/{reference}/recommendations/", new { kind = "Sideways", category = "Apology" })).StatusCode);
        var created = await caseworker.PostAsJsonAsync($"/api/cases/{reference}/recommendations/",
            new { kind = "Systemic", category = "StaffTrained", text = "Train the discharge team on the new policy.", evidenceExpected = "Training records.", dueBy = "WorkingDays", workingDays = 120 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<IdAndVersion>())!;
        var id = draft.Id;
        Assert.Equal(HttpStatusCode.BadRequest, (await caseworker.PostAsJsonAsync($"/api/recommendations/{id}/withdraw", new { reason = "No version." })).StatusCode);
        var illegal = await caseworker.PostAsJsonAsync($"/api/recommendations/{id}/accept-evidence", new { version = draft.Version });
        Assert.Equal(HttpStatusCode.Conflict, illegal.StatusCode);
        Assert.Contains("A recommendation that is draft cannot have its evidence accepted", await illegal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stale = await caseworker.PostAsJsonAsync($"/api/cases/{reference}/recommendations/issue", new { drafts = new[] { new { id, version = draft.Version + 7 } } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(RecommendationStatus.Draft, await StatusAsync(id));
        var issued = await caseworker.PostAsJsonAsync($"/api/cases/{reference}/recommendations/issue", new { drafts = new[] { new { id, version = draft.Version } } });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal(RecommendationStatus.Issued, await StatusAsync(id));
    }

    private sealed record IdAndVersion(Guid Id, int Version);

    private static async Task<HttpResponseMessage> IssueAsync(HttpClient caseworker, string page)
    {
        var html = await caseworker.GetPageAsync(page);
        var drafts = DraftField().Matches(html).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.NotEmpty(drafts);
        return await caseworker.PostFormAsync(page, drafts, $"{page}?handler=Issue");
    }

    private static async Task<HttpResponseMessage> SendEvidenceAsync(HttpClient lead, Guid id, string description, byte[] file, string name)
    {
        var form = await lead.GetPageAsync($"/partner/recommendations/{id}/evidence");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(VersionField().Match(form).Groups[1].Value), "Version" },
            { new StringContent(description), "Input.Description" },
            { new ByteArrayContent(file), "Input.Files", name },
        };
        return await lead.PostAsync($"/partner/recommendations/{id}/evidence", content);
    }

    private async Task<List<Guid>> RecommendationIdsAsync(string reference)
    {
        await using var scope = host.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>();
        return await db.Recommendations.Where(r => r.CaseReference == reference).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
    }

    private async Task<RecommendationStatus> StatusAsync(Guid id)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>().Recommendations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync();
    }

    [GeneratedRegex("name=\"(Drafts\\[\\d+\\]\\.(?:Id|Version))\" value=\"([^\"]+)\"")]
    private static partial Regex DraftField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("href=\"(/recommendations/[0-9a-f-]+/files/[0-9a-f-]+)\"")]
    private static partial Regex FileLink();
}
