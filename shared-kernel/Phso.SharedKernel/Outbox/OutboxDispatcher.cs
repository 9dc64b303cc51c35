using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;

namespace Phso.SharedKernel.Persistence;

/// <summary>Outbox delivery settings (configuration section "Outbox").</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the Quartz job looks for messages; 0 turns the schedule off (tests drive delivery themselves).</summary>
    public int PollIntervalSeconds { get; set; } = 2;

    /// <summary>Failed deliveries after which a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; it doubles for each further attempt, up to an hour.</summary>
    public int RetryBaseDelaySeconds { get; set; } = 10;

    public int BatchSize { get; set; } = 50;

    /// <summary>How long a host holds the messages it has claimed; a host that stops mid-batch frees them after this.</summary>
    public int ClaimLeaseSeconds { get; set; } = 300;

    /// <summary>Delivered messages are deleted after this many days (dead letters are kept until dealt with).</summary>
    public int RetentionDays { get; set; } = 7;

    public TimeSpan DelayBeforeAttempt(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, RetryBaseDelaySeconds * Math.Pow(2, Math.Max(0, failedAttempts - 1))));
}

/// <summary>
/// Delivers integration events from every module's outbox to the notification handlers MediatR knows for them.
/// Each handler runs in its own scope and transaction with an inbox record, so a handler that already handled an
/// event is skipped on redelivery, and one failing handler neither undoes nor repeats the others. A message that
/// fails is retried with back-off and dead-lettered after <see cref="OutboxOptions.MaxAttempts"/>; a failing message
/// never holds up the messages behind it.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    ModuleCatalogue catalogue,
    IntegrationEventTypes eventTypes,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private readonly OutboxOptions _options = options.Value;

    /// <summary>Delivers every message that is due, across all modules. Returns how many were delivered.</summary>
    public async Task<int> DeliverDueMessagesAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var module in catalogue.Modules.Where(m => m.PrimaryDbContextType is not null))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("outbox delivery");
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.PrimaryDbContextType!);
            var outbox = ((IModuleDbContext)context).OutboxMessages;
            var now = clock.GetUtcNow();
            // Claimed first, so a second host running this at the same moment takes other messages.
            var due = await outbox
                .Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.NextAttemptAt <= now)
                .ClaimAsync(m => m.OccurredAt, _options.BatchSize, TimeSpan.FromSeconds(_options.ClaimLeaseSeconds), now, cancellationToken);

            foreach (var message in due)
            {
                if (await DeliverAsync(module, message, cancellationToken))
                {
                    delivered++;
                }

                message.Release();
                await context.SaveChangesAsync(cancellationToken);
            }

            var cutoff = now.AddDays(-_options.RetentionDays);
            await outbox.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(ModuleDescriptor sender, OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        message.Attempts++;
        if (!eventTypes.TryResolve(message.EventType, out var eventType))
        {
            DeadLetter(message, now, $"No module of this host defines the event type {message.EventType}.");
            return false;
        }

        object integrationEvent;
        try
        {
            integrationEvent = OutboxExtensions.Deserialize(message.Payload, eventType);
        }
        catch (System.Text.Json.JsonException e)
        {
            DeadLetter(message, now, $"The stored event cannot be read as {eventType.Name}: {e.Message}");
            return false;
        }

        var errors = new List<string>();
        foreach (var handlerType in HandlerTypesFor(eventType))
        {
            try
            {
                await InvokeHandlerAsync(message, integrationEvent, eventType, handlerType, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHandlerFailed(logger, e, eventType.Name, handlerType.Name, message.Id, message.Attempts);
                errors.Add($"{handlerType.Name}: {e.GetType().Name}: {e.Message}");
            }
        }

        if (errors.Count == 0)
        {
            message.ProcessedAt = clock.GetUtcNow();
            message.LastError = null;
            return true;
        }

        message.LastError = string.Join(Environment.NewLine, errors);
        if (message.Attempts >= _options.MaxAttempts)
        {
            DeadLetter(message, now, message.LastError);
        }
        else
        {
            message.NextAttemptAt = now + _options.DelayBeforeAttempt(message.Attempts);
        }

        return false;

        void DeadLetter(OutboxMessage m, DateTimeOffset at, string reason)
        {
            m.LastError = reason;
            m.DeadLetteredAt = at;
            LogDeadLettered(logger, m.EventType, m.Id, sender.Name, reason);
        }
    }

    private List<Type> HandlerTypesFor(Type eventType)
    {
        using var scope = scopes.CreateScope();
        return ResolveHandlers(scope.ServiceProvider, eventType).Select(h => h.GetType()).Distinct().ToList();
    }

    private static IEnumerable<object> ResolveHandlers(IServiceProvider provider, Type eventType)
    {
        // Through MediatR's own handler registry (its ServiceFactory), one handler at a time.
        var factory = provider.GetRequiredService<ServiceFactory>();
        var handlerInterface = typeof(INotificationHandler<>).MakeGenericType(eventType);
        return (IEnumerable<object>)factory(typeof(IEnumerable<>).MakeGenericType(handlerInterface));
    }

    private async Task InvokeHandlerAsync(OutboxMessage message, object integrationEvent, Type eventType, Type handlerType, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentUser>().ActAsSystem($"{eventType.Name} received");
        if (message.CorrelationId is not null)
        {
            provider.GetRequiredService<CorrelationContext>().Id = message.CorrelationId;
        }

        var handler = ResolveHandlers(provider, eventType).First(h => h.GetType() == handlerType);
        var receiver = catalogue.FindOwnerOf(handlerType);
        var handlerName = handlerType.FullName ?? handlerType.Name;
        if (receiver?.PrimaryDbContextType is not { } contextType)
        {
            // A handler outside any module with a database cannot keep an inbox; it must be idempotent by itself.
            await Invoke(handler, integrationEvent, eventType, cancellationToken);
            return;
        }

        var context = (DbContext)provider.GetRequiredService(contextType);
        var inbox = ((IModuleDbContext)context).InboxRecords;
        if (await inbox.AnyAsync(r => r.EventId == message.Id && r.Handler == handlerName, cancellationToken))
        {
            return;
        }

        provider.GetRequiredService<UnitOfWorkContext>().Operation = $"{handlerType.Name} ({eventType.Name})";
        var connection = provider.GetRequiredService<ScopedConnection>();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        connection.Transaction = transaction.GetDbTransaction();
        try
        {
            // Commands the handler sends to other modules join this transaction, with the inbox record.
            await Invoke(handler, integrationEvent, eventType, cancellationToken);
            inbox.Add(new InboxRecord { EventId = message.Id, Handler = handlerName, ProcessedAt = clock.GetUtcNow() });
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            connection.Transaction = null;
        }
    }

    private static Task Invoke(object handler, object integrationEvent, Type eventType, CancellationToken cancellationToken)
    {
        var handle = typeof(INotificationHandler<>).MakeGenericType(eventType).GetMethod(nameof(INotificationHandler<INotification>.Handle))!;
        try
        {
            return (Task)handle.Invoke(handler, [integrationEvent, cancellationToken])!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} failed on {EventType} {MessageId} (attempt {Attempt})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string eventType, string handler, Guid messageId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettered {EventType} {MessageId} from module {Module}: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string eventType, Guid messageId, string module, string reason);
}

/// <summary>The Quartz job that runs the outbox dispatcher.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class DeliverIntegrationEventsJob(OutboxDispatcher dispatcher) : Quartz.IJob
{
    public static readonly Quartz.JobKey Key = new("deliver-integration-events", "shared-kernel");

    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DeliverDueMessagesAsync(cancellationToken);
}
