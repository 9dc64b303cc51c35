using System.Net;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.SharedKernel.Persistence;
using Phso.TestModules.Receiver;
using Phso.TestModules.Sender;
using Phso.TestModules.Sender.Contracts;

namespace Phso.Modular.Tests.Outbox;

/// <summary>
/// Integration events end to end, between two test-only modules: the sender writes WidgetCreated to its outbox in the
/// same transaction as the widget; the dispatcher delivers it to the receiver's two handlers. Faults injected into one
/// handler prove the retries, the back-off, the dead-letter list, the admin's retry, and that nothing is lost or done twice.
/// </summary>
public sealed class IntegrationEventTests : IClassFixture<IntegrationEventTests.Host>, IAsyncLifetime
{
    private readonly Host _host;

    public IntegrationEventTests(Host host) => _host = host;

    /// <summary>Each test starts with a healthy receiver and nothing due in any outbox (the demo data raises events too).</summary>
    public async Task InitializeAsync()
    {
        Faults.FailAlways = false;
        Faults.FailNext(0);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await DeliverAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public sealed class Host : PhsoFactory
    {
        public Host() => WithTestModules = true;
    }

    private ReceiverFaults Faults => _host.Services.GetRequiredService<ReceiverFaults>();

    [Fact]
    public async Task An_event_is_saved_only_with_the_change_that_raised_it()
    {
        await using var scope = _host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => mediator.Send(new CreateWidget("explode")));

        await using var check = _host.SystemScope();
        var sender = check.ServiceProvider.GetRequiredService<SenderDbContext>();
        Assert.False(await sender.Widgets.AnyAsync(w => w.Name == "explode"));
        Assert.False(await sender.OutboxMessages.AnyAsync(m => m.Payload.Contains("explode")));
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_back_off_until_it_succeeds_and_the_other_handler_runs_once()
    {
        Faults.FailNext(2);
        var widget = await CreateWidgetAsync("retried");

        Assert.Equal(0, await DeliverAsync());
        var afterFirst = await MessageForAsync(widget);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Null(afterFirst.ProcessedAt);
        Assert.Contains("injected fault", afterFirst.LastError, StringComparison.Ordinal);
        Assert.InRange(afterFirst.NextAttemptAt - _host.Clock.GetUtcNow(), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(11));

        // Not due yet: nothing happens until the back-off has passed.
        Assert.Equal(0, await DeliverAsync());
        Assert.Equal(1, (await MessageForAsync(widget)).Attempts);

        _host.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(0, await DeliverAsync());
        var afterSecond = await MessageForAsync(widget);
        Assert.Equal(2, afterSecond.Attempts);
        Assert.InRange(afterSecond.NextAttemptAt - _host.Clock.GetUtcNow(), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(21));

        _host.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(1, await DeliverAsync());
        Assert.NotNull((await MessageForAsync(widget)).ProcessedAt);
        var (received, acknowledgements, inbox) = await ReceiverStateAsync(widget);
        Assert.Equal(1, received);
        Assert.Equal(1, acknowledgements);
        Assert.Equal(2, inbox);
    }

    [Fact]
    public async Task After_the_last_attempt_an_event_is_dead_lettered_shown_to_admins_and_delivered_when_they_retry_it()
    {
        Faults.FailAlways = true;
        var widget = await CreateWidgetAsync("dead-lettered");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await DeliverAsync();
            _host.Clock.Advance(TimeSpan.FromHours(1));
        }

        var dead = await MessageForAsync(widget);
        Assert.Equal(5, dead.Attempts);
        Assert.NotNull(dead.DeadLetteredAt);
        Assert.Contains("RecordWidget", dead.LastError, StringComparison.Ordinal);

        // Dead letters are not picked up again on their own.
        await DeliverAsync();
        Assert.Equal(5, (await MessageForAsync(widget)).Attempts);
        Assert.Equal(0, (await ReceiverStateAsync(widget)).Received);

        var admin = _host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var page = await admin.GetPageAsync("/admin/integration-events");
        Assert.Contains(dead.Id.ToString(), page, StringComparison.Ordinal);
        Assert.Contains("Dead-lettered at", page, StringComparison.Ordinal);

        Faults.FailAlways = false;
        var retry = await admin.PostFormAsync("/admin/integration-events", [new("module", "testsender"), new("id", dead.Id.ToString())], "/admin/integration-events?handler=Retry");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(1, await DeliverAsync());

        var (received, acknowledgements, _) = await ReceiverStateAsync(widget);
        Assert.Equal(1, received);
        Assert.Equal(1, acknowledgements);
        await using var scope = _host.SystemScope();
        var audit = await scope.ServiceProvider.GetRequiredService<SenderDbContext>().AuditEntries
            .Where(a => a.RecordId == dead.Id.ToString()).ToListAsync();
        Assert.Equal("RetryIntegrationEvent", Assert.Single(audit).Command);
        Assert.Equal("Priya Shah", audit[0].ActorName);
    }

    [Fact]
    public async Task Redelivering_an_event_already_handled_does_nothing_twice()
    {
        var widget = await CreateWidgetAsync("redelivered");
        Assert.Equal(1, await DeliverAsync());
        var calls = Faults.Calls;

        // As if the process stopped after the handlers committed but before the message was marked delivered.
        await using (var scope = _host.SystemScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<SenderDbContext>();
            var message = await sender.OutboxMessages.SingleAsync(m => m.Payload.Contains(widget.ToString()));
            message.ProcessedAt = null;
            await sender.SaveChangesAsync();
        }

        Assert.Equal(1, await DeliverAsync());
        Assert.Equal(calls, Faults.Calls);
        var (received, acknowledgements, inbox) = await ReceiverStateAsync(widget);
        Assert.Equal((1, 1, 2), (received, acknowledgements, inbox));
    }

    [Fact]
    public async Task A_message_that_cannot_be_read_is_dead_lettered_at_once_and_does_not_hold_up_the_others()
    {
        await using (var scope = _host.SystemScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<SenderDbContext>();
            sender.OutboxMessages.Add(new OutboxMessage { Id = Guid.CreateVersion7(), EventType = "No.Such.Event", Payload = "{}" });
            await sender.SaveChangesAsync();
        }

        var widget = await CreateWidgetAsync("after a poison message");
        await DeliverAsync();

        await using var check = _host.SystemScope();
        var poison = await check.ServiceProvider.GetRequiredService<SenderDbContext>().OutboxMessages.SingleAsync(m => m.EventType == "No.Such.Event");
        Assert.NotNull(poison.DeadLetteredAt);
        Assert.Contains("No module of this host defines", poison.LastError, StringComparison.Ordinal);
        Assert.Equal(1, (await ReceiverStateAsync(widget)).Received);
    }

    [Fact]
    public async Task A_message_another_host_has_claimed_waits_for_its_lease_to_run_out_and_is_then_delivered()
    {
        var widget = await CreateWidgetAsync("claimed elsewhere");
        var message = await MessageForAsync(widget);
        await using (var scope = _host.SystemScope())
        {
            // As a host that claimed the message and then stopped would leave it.
            var until = _host.Clock.GetUtcNow().AddMinutes(5);
            Guid? elsewhere = Guid.NewGuid();
            await scope.ServiceProvider.GetRequiredService<SenderDbContext>().OutboxMessages.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimId, elsewhere).SetProperty(m => m.ClaimedUntil, until));
        }

        Assert.Equal(0, await DeliverAsync());
        Assert.Equal(0, (await ReceiverStateAsync(widget)).Received);

        _host.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await DeliverAsync());
        var delivered = await MessageForAsync(widget);
        Assert.NotNull(delivered.ProcessedAt);
        Assert.Null(delivered.ClaimId);
        Assert.Equal(1, (await ReceiverStateAsync(widget)).Received);
    }

    private async Task<Guid> CreateWidgetAsync(string name)
    {
        await using var scope = _host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateWidget(name));
    }

    private Task<int> DeliverAsync() => _host.Services.GetRequiredService<OutboxDispatcher>().DeliverDueMessagesAsync(CancellationToken.None);

    private async Task<OutboxMessage> MessageForAsync(Guid widget)
    {
        await using var scope = _host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<SenderDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload.Contains(widget.ToString()));
    }

    private async Task<(int Received, int Acknowledgements, int Inbox)> ReceiverStateAsync(Guid widget)
    {
        await using var scope = _host.SystemScope();
        var receiver = scope.ServiceProvider.GetRequiredService<ReceiverDbContext>();
        var message = await MessageForAsync(widget);
        return (
            await receiver.Received.CountAsync(r => r.WidgetId == widget),
            await receiver.Acknowledgements.CountAsync(a => a.WidgetId == widget),
            await receiver.InboxRecords.CountAsync(i => i.EventId == message.Id));
    }
}

/// <summary>The same path with the real Quartz schedule doing the delivering.</summary>
public sealed class ScheduledDeliveryTests : IClassFixture<ScheduledDeliveryTests.Host>
{
    private readonly Host _host;

    public ScheduledDeliveryTests(Host host) => _host = host;

    public sealed class Host : PhsoFactory
    {
        public Host()
        {
            WithTestModules = true;
            Settings["Outbox:PollIntervalSeconds"] = "1";
        }
    }

    [Fact]
    public async Task The_Quartz_job_delivers_events_without_anyone_asking()
    {
        Guid widget;
        await using (var scope = _host.SystemScope())
        {
            widget = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateWidget("scheduled"));
        }

        for (var waited = 0; waited < 30; waited++)
        {
            await using var scope = _host.SystemScope();
            if (await scope.ServiceProvider.GetRequiredService<ReceiverDbContext>().Received.AnyAsync(r => r.WidgetId == widget))
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail("The scheduled job did not deliver the event within 15 seconds.");
    }
}
