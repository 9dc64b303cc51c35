using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.Chasing;
using Phso.Modules.Recommendations.Persistence;

namespace Phso.Modular.Tests.Recommendations;

/// <summary>The follow-up job driven as the scheduler would drive it, on a host whose clock the test moves through
/// Easter 2027 (Good Friday 26 March, Easter Monday 29 March): reminders 10, 5 and 1 working days before the due date,
/// overdue, the line manager after 10 working days, escalation after 20, each told once, on working days only, and
/// nothing about a recommendation complied with or withdrawn.</summary>
public sealed partial class RecommendationFollowUpTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    private static readonly DateOnly DueOn = new(2027, 4, 1);

    private Task<int> RunJobAsync() => host.Services.GetRequiredService<RecommendationFollowUp>().RunAsync(CancellationToken.None);

    private void MoveTo(int month, int day) => host.Clock.SetTo(new DateTimeOffset(2027, month, day, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_reminder_and_escalation_goes_once_counted_in_working_days_across_bank_holidays_and_none_after_compliance_or_withdrawal()
    {
        MoveTo(3, 1);
        var reference = await host.DemoCaseAsync(CaseStage.Closed, "Coldharbour");
        var caseworker = await SignedInAsync(Demo.Caseworker);
        var chased = await IssueAsync(caseworker, reference, "Apologise to Mrs R for the delay.");
        var complied = await IssueAsync(caseworker, reference, "Pay Mrs R's travel costs.");
        var withdrawn = await IssueAsync(caseworker, reference, "Review the ward's rota.");
        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsJsonAsync($"/api/recommendations/{withdrawn}/withdraw", new { version = await VersionAsync(withdrawn), reason = "Covered by the first recommendation." })).StatusCode);

        var lead = await SignedInAsync(Demo.PartnerLead);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/partner/recommendations/{complied}/accept", new { version = await VersionAsync(complied), note = (string?)null })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/partner/recommendations/{complied}/evidence", new { version = await VersionAsync(complied), description = "Paid on 1 March." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsJsonAsync($"/api/recommendations/{complied}/accept-evidence", new { version = await VersionAsync(complied) })).StatusCode);
        await RunJobAsync();
        Assert.Empty(await RemindersAsync(chased));

        // 10 working days before 1 April is 16 March; 5 is 23 March, not 25 March, because Easter Friday and Monday do not count.
        MoveTo(3, 16);
        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(["due-10"], await RemindersAsync(chased));

        MoveTo(3, 22);
        await RunJobAsync();
        Assert.Equal(["due-10"], await RemindersAsync(chased));
        MoveTo(3, 23);
        await RunJobAsync();
        MoveTo(3, 31);
        await RunJobAsync();
        Assert.Equal(["due-10", "due-5", "due-1"], await RemindersAsync(chased));

        // Past due on a Saturday: the job does nothing on a day that is not a working day; on Monday it is overdue.
        MoveTo(4, 3);
        await RunJobAsync();
        Assert.Equal(RecommendationStatus.Issued, await StatusAsync(chased));
        MoveTo(4, 5);
        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(RecommendationStatus.Overdue, await StatusAsync(chased));
        Assert.Equal(["due-10", "due-5", "due-1", "overdue"], await RemindersAsync(chased));

        // The line manager at 10 working days overdue (15 April), escalation at 20 (29 April).
        MoveTo(4, 14);
        await RunJobAsync();
        Assert.Equal(4, (await RemindersAsync(chased)).Count);
        MoveTo(4, 15);
        await RunJobAsync();
        MoveTo(4, 28);
        await RunJobAsync();
        Assert.Null(await EscalatedOnAsync(chased));
        MoveTo(4, 29);
        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(["due-10", "due-5", "due-1", "overdue", "manager", "escalated"], await RemindersAsync(chased));
        Assert.Equal(new DateOnly(2027, 4, 29), await EscalatedOnAsync(chased));
        Assert.Empty(await RemindersAsync(complied));
        Assert.Empty(await RemindersAsync(withdrawn));

        // Each person was told once per step.
        await host.FlushAsync();
        lead = await SignedInAsync(Demo.PartnerLead);
        var leadsNotifications = await lead.GetPageAsync("/notifications");
        Assert.Equal(3, Told(leadsNotifications, $"Due 1 April 2027: {reference}: apology recommendation")); // 10, 5 and 1 working days before
        Assert.Equal(1, Told(leadsNotifications, $"Overdue: {reference}: apology recommendation"));
        var manager = await SignedInAsync(Demo.Manager);
        var managersNotifications = await manager.GetPageAsync("/notifications");
        Assert.Equal(1, Told(managersNotifications, $"Overdue 10 working days: {reference}: apology recommendation"));
        Assert.Equal(1, Told(managersNotifications, $"Escalated: {reference}: apology recommendation"));

        // The escalation list, and the senior manager's decision: a reason is needed, and it is kept in the history.
        Assert.Contains($"/recommendations/{chased}\"", await manager.GetPageAsync("/recommendations/escalated"), StringComparison.Ordinal);
        Assert.Contains($"/recommendations/{chased}/public-report", await manager.GetPageAsync($"/recommendations/{chased}"), StringComparison.Ordinal);
        var noReason = await manager.SubmitAsync($"/recommendations/{chased}/public-report", ("Input.ReportPublicly", "true"), ("Input.Reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("href=\"#Input_Reason\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync($"/recommendations/{chased}/public-report", ("Input.ReportPublicly", "true"), ("Input.Reason", "No reply to four reminders."))).StatusCode);
        Assert.Contains("Report the body publicly: No reply to four reminders.", WebUtility.HtmlDecode(await manager.GetPageAsync($"/recommendations/{chased}")), StringComparison.Ordinal);
        caseworker = await SignedInAsync(Demo.Caseworker);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PostAsJsonAsync($"/api/recommendations/{chased}/public-report", new { version = await VersionAsync(chased), reportPublicly = false, reason = "Not mine to decide." })).StatusCode);

        // Evidence after escalation ends the chase; nothing more is sent however long it waits for the check.
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/partner/recommendations/{chased}/evidence", new { version = await VersionAsync(chased), description = "The apology, sent late." })).StatusCode);
        MoveTo(5, 20);
        await RunJobAsync();
        Assert.Equal(6, (await RemindersAsync(chased)).Count);
        Assert.Equal(RecommendationStatus.EvidenceSent, await StatusAsync(chased));
    }

    /// <summary>How many notifications on the page have a title starting so.</summary>
    private static int Told(string page, string titleStart) => Regex.Count(page, Regex.Escape($"Open<span class=\"govuk-visually-hidden\">: {titleStart}"));

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = host.CreateBrowser();
        await browser.SignInAsync(email);
        return browser;
    }

    private static async Task<Guid> IssueAsync(HttpClient caseworker, string reference, string text)
    {
        var created = await caseworker.PostAsJsonAsync($"/api/cases/{reference}/recommendations/", new
        {
            kind = "Individual", category = "Apology", text, evidenceExpected = "A copy.", dueBy = "Date",
            dueOn = new { day = $"{DueOn.Day}", month = $"{DueOn.Month}", year = $"{DueOn.Year}" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<IdAndVersion>())!;
        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsJsonAsync($"/api/cases/{reference}/recommendations/issue", new { drafts = new[] { new { id = draft.Id, version = draft.Version } } })).StatusCode);
        return draft.Id;
    }

    private sealed record IdAndVersion(Guid Id, int Version);

    private async Task<List<string>> RemindersAsync(Guid id)
    {
        await using var scope = host.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>();
        return await db.Reminders.Where(r => r.RecommendationId == id).OrderBy(r => r.SentAt).Select(r => r.Kind).ToListAsync();
    }

    private async Task<T> ReadAsync<T>(Guid id, System.Linq.Expressions.Expression<Func<Phso.Modules.Recommendations.Domain.Recommendation, T>> what)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>().Recommendations.Where(r => r.Id == id).Select(what).SingleAsync();
    }

    private Task<RecommendationStatus> StatusAsync(Guid id) => ReadAsync(id, r => r.Status);

    private Task<int> VersionAsync(Guid id) => ReadAsync(id, r => r.Version);

    private Task<DateOnly?> EscalatedOnAsync(Guid id) => ReadAsync(id, r => r.EscalatedOn);
}
