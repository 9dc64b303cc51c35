using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.CharterClocks;

namespace Phso.Modular.Tests.Complaints;

/// <summary>The scheduled charter clock check, driven as its Quartz job would drive it, on a host whose clock the test moves.</summary>
public sealed class CharterClockJobTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    private Task<int> RunJobAsync() => host.Services.GetRequiredService<CharterClockWatch>().RefreshAsync(CancellationToken.None);

    /// <summary>Signs in afresh: moving the clock on by days ends earlier sessions, as it would for real.</summary>
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = host.CreateBrowser();
        await browser.SignInAsync(email);
        return browser;
    }

    /// <summary>How many notifications on the page have this title (each has an "Open" button naming it).</summary>
    private static int Count(string page, string title) => Regex.Count(page, Regex.Escape($"Open<span class=\"govuk-visually-hidden\">: {title}</span>"));

    [Fact]
    public async Task A_clock_turns_due_soon_then_overdue_and_the_caseworker_is_told_once_each_time_and_the_managers_when_nobody_is_assigned()
    {
        var organisation = await host.OrganisationAsync("Northmoor Hospitals");
        var assigned = await host.CreateBrowser().SubmitNhsComplaintAsync(organisation, name: "Alma Reyes", email: "alma.reyes@example.com");
        var unassigned = await host.CreateBrowser().SubmitNhsComplaintAsync(organisation, name: "Basil Ford", email: "basil.ford@example.com");
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        await caseworker.ActAsync(assigned.Reference, "assign", ("Input.PersonId", (await host.PersonAsync(Demo.Caseworker)).ToString()));
        var due = (await host.CaseAsync(assigned.Reference)).Complaint.Clocks.Single().DueOn;

        // Move to the day before the acknowledgement is due: it is due soon.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
        host.Clock.Advance(TimeSpan.FromDays(due.DayNumber - today.DayNumber - 1));
        Assert.True(await RunJobAsync() > 0);
        Assert.Equal(ClockStatus.DueSoon, (await host.CaseAsync(assigned.Reference)).Complaint.ClockStatus);
        await RunJobAsync();
        await host.FlushAsync();
        var dueSoon = $"Case {assigned.Reference}: acknowledgement due soon";
        caseworker = await SignedInAsync(Demo.Caseworker);
        Assert.Equal(1, Count(await caseworker.GetPageAsync("/notifications"), dueSoon));

        // Two days later it is overdue; the caseworker is told once, however often the job runs.
        host.Clock.Advance(TimeSpan.FromDays(2));
        await RunJobAsync();
        await RunJobAsync();
        await host.FlushAsync();
        var view = await host.CaseAsync(assigned.Reference);
        Assert.Equal(ClockStatus.Overdue, view.Complaint.ClockStatus);
        Assert.Single(view.Timeline, e => e.Kind == CaseEventKind.ClockOverdue);
        caseworker = await SignedInAsync(Demo.Caseworker);
        Assert.Equal(1, Count(await caseworker.GetPageAsync("/notifications"), $"Case {assigned.Reference}: acknowledgement overdue"));
        Assert.Contains(assigned.Reference, await caseworker.GetPageAsync("/cases?clock=Overdue"), StringComparison.Ordinal);

        // Nobody is assigned to the other case, so its overdue clock goes to the managers.
        var manager = await SignedInAsync(Demo.Manager);
        Assert.Equal(1, Count(await manager.GetPageAsync("/notifications"), $"Case {unassigned.Reference}: acknowledgement overdue (not assigned)"));

        // Acknowledging late meets the clock late, and the queue no longer shows it overdue.
        await caseworker.ActAsync(assigned.Reference, "message", ("Input.Text", "Sorry for the delay: we have your complaint."));
        var acknowledged = await host.CaseAsync(assigned.Reference);
        Assert.Equal(ClockState.MetLate, acknowledged.Complaint.Clocks.Single(c => c.Kind == ClockKind.Acknowledgement).State);
        Assert.Equal(ClockStatus.OnTrack, acknowledged.Complaint.ClockStatus);
    }
}
