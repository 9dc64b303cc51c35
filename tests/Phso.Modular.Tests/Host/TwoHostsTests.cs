using System.Collections.Concurrent;
using System.Net;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Complaints;
using Phso.Modular.Tests.Infrastructure;
using Phso.SharedKernel.Persistence;
using Phso.TestModules.Receiver;
using Phso.TestModules.Sender;
using Phso.TestModules.Sender.Contracts;
using Quartz;

namespace Phso.Modular.Tests.Host;

/// <summary>
/// Two real hosts on one PostgreSQL database, each with its own data folder, as behind a load balancer: a browser's
/// requests go to either, scheduled jobs fire once across both, and both deliver integration events at the same time.
/// </summary>
public sealed class TwoHostsTests : IClassFixture<TwoHostsTests.Hosts>
{
    private readonly Hosts _hosts;

    public TwoHostsTests(Hosts hosts) => _hosts = hosts;

    public sealed class Hosts : IDisposable
    {
        public Hosts()
        {
            A = new PhsoFactory { WithTestModules = true };
            _ = A.Services;
            B = PhsoFactory.SecondHostOf(A);
            _ = B.Services;
        }

        public PhsoFactory A { get; }

        public PhsoFactory B { get; }

        public void Dispose()
        {
            B.Dispose();
            A.Dispose();
        }
    }

    /// <summary>One browser whose requests the load balancer sends to A or to B: one cookie jar, two hosts.</summary>
    private (HttpClient OnA, HttpClient OnB) OneBrowser()
    {
        var cookies = new CookieContainer();
        return (_hosts.A.CreateDefaultClient(new CookieContainerHandler(cookies)), _hosts.B.CreateDefaultClient(new CookieContainerHandler(cookies)));
    }

    [PostgreSqlFact]
    public async Task Signed_in_on_one_host_the_next_page_comes_from_the_other_and_its_forms_are_accepted_there()
    {
        var cookies = new CookieContainer();
        var (onA, onB) = (_hosts.A.CreateDefaultClient(new CookieContainerHandler(cookies)), _hosts.B.CreateDefaultClient(new CookieContainerHandler(cookies)));
        await onA.SignInAsync(Demo.Caseworker);
        var copied = cookies.GetCookies(onA.BaseAddress!)["phso.auth"]!.Value;

        var queue = await onB.GetPageAsync("/cases");
        Assert.Contains("Tom Okafor", queue, StringComparison.Ordinal);

        // The sign-out form served by B (its antiforgery token made by B) is posted to A: signing out ends the
        // session on both, since the session is in the database too: a copy of the cookie taken before is refused by
        // A at once, and by B once its copy of the ticket (kept for a few seconds) lapses.
        var form = await onB.GetPageAsync("/account/sign-out");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, Browser.Excerpt(form));
        var signOut = await onA.PostAsync("/account/sign-out", new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(_hosts.A, copied).GetAsync("/api/cases")).StatusCode);
        _hosts.B.Clock.Advance(Phso.Modules.Accounts.Security.SessionTickets.KeptFor);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(_hosts.B, copied).GetAsync("/api/cases")).StatusCode);
        var afterwards = await onB.GetAsync("/cases");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/account/sign-in", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static HttpClient WithCookie(PhsoFactory host, string authCookie)
    {
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"phso.auth={authCookie}");
        return client;
    }

    [PostgreSqlFact]
    public async Task A_complaint_started_on_one_host_is_finished_and_sent_on_the_other()
    {
        var (onA, onB) = OneBrowser();
        var hospital = await _hosts.A.OrganisationAsync("Northmoor Hospitals");
        await onA.AnswerAsync("/complain/who", ("Answers.Who", "myself"));
        await onA.AnswerAsync("/complain/person", ("Answers.PersonName", "Ivy Marsh"), ("Answers.PersonNation", "England"));
        await onA.AnswerAsync("/complain/contact", ("Answers.PreferredChannel", "Email"), ("Answers.Email", "ivy.marsh@example.com"));
        await onA.AnswerAsync("/complain/organisation", ("Answers.OrganisationId", hospital.ToString()));

        // From here on host B serves every page: it reads the answers A kept in the shared session cache.
        var whatHappened = await onB.GetPageAsync("/complain/what-happened");
        Assert.Contains("Northmoor Hospitals", await onB.GetPageAsync("/complain/check"), StringComparison.Ordinal);
        Assert.Contains("What happened", whatHappened, StringComparison.Ordinal);
        await onB.AnswerAsync("/complain/what-happened", ("Answers.WhatHappened", "The discharge letter went to the wrong address and my GP never received it."));
        await onB.AnswerAsync("/complain/when-aware", ("Answers.AwareOn.Day", "3"), ("Answers.AwareOn.Month", "9"), ("Answers.AwareOn.Year", "2026"));
        await onB.AnswerAsync("/complain/impact", ("Answers.Impact", "My follow-up appointment was missed and my treatment was delayed by six weeks."));
        await onB.AnswerAsync("/complain/outcome", ("Answers.OutcomeWanted", "An apology and a check of how discharge letters are addressed."));
        await onB.AnswerAsync("/complain/organisation-complaint", ("Answers.BodyProcedure", "Finished"),
            ("Answers.ComplainedOn.Day", "20"), ("Answers.ComplainedOn.Month", "9"), ("Answers.ComplainedOn.Year", "2026"),
            ("Answers.FinalResponseOn.Day", "30"), ("Answers.FinalResponseOn.Month", "10"), ("Answers.FinalResponseOn.Year", "2026"));
        await onB.AnswerAsync("/complain/legal", ("Answers.LegalRemedy", "No"));
        await onB.AnswerAsync("/complain/adjustments", ("Answers.NeedsAdjustments", "false"));
        var sent = await onB.SendAsync();

        // The person's private link works on either host.
        Assert.Contains(sent.Reference, await onA.GetPageAsync(sent.Link), StringComparison.Ordinal);
        Assert.Contains(sent.Reference, await onB.GetPageAsync(sent.Link), StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task A_scheduled_job_fires_once_across_both_hosts()
    {
        var schedulerA = await _hosts.A.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedulerB = await _hosts.B.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var (metaA, metaB) = (await schedulerA.GetMetadata(CancellationToken.None), await schedulerB.GetMetadata(CancellationToken.None));
        Assert.True(metaA.JobStoreClustered && metaB.JobStoreClustered);
        Assert.Equal(metaA.SchedulerName, metaB.SchedulerName);
        Assert.NotEqual(metaA.SchedulerInstanceId, metaB.SchedulerInstanceId);

        // Scheduled through A; either host may pick each one up, but only one does.
        var run = Guid.NewGuid().ToString("N");
        const int jobs = 6;
        for (var i = 0; i < jobs; i++)
        {
            var job = JobBuilder.Create<RecordFiring>().WithIdentity($"once-{i}", run).Build();
            await schedulerA.ScheduleJob(job, TriggerBuilder.Create().WithIdentity($"once-{i}", run).StartNow().Build());
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (RecordFiring.Of(run).Count < jobs && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        // Long enough for a second host that wrongly took the same trigger to have run it too.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var firings = RecordFiring.Of(run);
        Assert.Equal(jobs, firings.Count);
        Assert.Equal(jobs, firings.Select(f => f.Job).Distinct().Count());
        Assert.All(firings, f => Assert.Contains(f.Instance, new[] { metaA.SchedulerInstanceId, metaB.SchedulerInstanceId }));
    }

    [PostgreSqlFact]
    public async Task A_thousand_events_delivered_by_both_hosts_at_once_reach_each_handler_exactly_once()
    {
        const int events = 1000;
        var run = Guid.NewGuid().ToString("N")[..8];
        // Whatever else is waiting (the demo data's events) is delivered first, so every delivery counted is ours.
        await DeliverUntilEmptyAsync(_hosts.A);
        await using (var scope = _hosts.A.SystemScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            for (var i = 0; i < events; i++)
            {
                await mediator.Send(new CreateWidget($"{run}-{i}"));
            }
        }

        var callsBefore = Faults(_hosts.A).Calls + Faults(_hosts.B).Calls;
        var delivered = await Task.WhenAll(DeliverUntilEmptyAsync(_hosts.A), DeliverUntilEmptyAsync(_hosts.B));

        await using var check = _hosts.A.SystemScope();
        var sender = check.ServiceProvider.GetRequiredService<SenderDbContext>();
        var receiver = check.ServiceProvider.GetRequiredService<ReceiverDbContext>();
        var widgets = await sender.Widgets.Where(w => EF.Functions.Like(w.Name, run + "-%")).Select(w => w.Id).ToListAsync();
        Assert.Equal(events, widgets.Count);
        Assert.Equal(events, delivered.Sum());
        Assert.All(delivered, byOneHost => Assert.InRange(byOneHost, 1, events - 1));
        Assert.Equal(events, await receiver.Received.CountAsync(r => EF.Functions.Like(r.Name, run + "-%")));
        Assert.Equal(events, (await receiver.Acknowledgements.Where(a => widgets.Contains(a.WidgetId)).Select(a => a.WidgetId).ToListAsync()).Distinct().Count());
        Assert.Equal(events, await receiver.Acknowledgements.CountAsync(a => widgets.Contains(a.WidgetId)));
        // Each handler ran once per event: no message was worked on by both hosts, none needed a second attempt.
        Assert.Equal(events, Faults(_hosts.A).Calls + Faults(_hosts.B).Calls - callsBefore);
        Assert.False(await sender.OutboxMessages.AnyAsync(m => m.Payload.Contains(run) && (m.Attempts != 1 || m.ProcessedAt == null || m.ClaimId != null)));
    }

    private static ReceiverFaults Faults(PhsoFactory host) => host.Services.GetRequiredService<ReceiverFaults>();

    private static async Task<int> DeliverUntilEmptyAsync(PhsoFactory host)
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var total = 0;
        while (await dispatcher.DeliverDueMessagesAsync(CancellationToken.None) is var delivered and > 0)
        {
            total += delivered;
        }

        return total;
    }
}

/// <summary>A job that notes each time it runs, and on which host's scheduler.</summary>
public sealed class RecordFiring : IJob
{
    private static readonly ConcurrentQueue<(string Run, string Job, string Instance)> Firings = new();

    public static IReadOnlyList<(string Job, string Instance)> Of(string run) => [.. Firings.Where(f => f.Run == run).Select(f => (f.Job, f.Instance))];

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Firings.Enqueue((context.JobDetail.Key.Group, context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId));
        return ValueTask.CompletedTask;
    }
}

/// <summary>A test about several hosts sharing one database, which needs PostgreSQL (SQLite is one host's file).</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestDatabase.OnPostgreSql)
        {
            Skip = "Runs on PostgreSQL (PHSO_TEST_DATABASE=PostgreSQL), as .ci/test does.";
        }
    }
}
