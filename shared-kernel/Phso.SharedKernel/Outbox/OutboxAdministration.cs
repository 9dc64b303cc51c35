using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;

namespace Phso.SharedKernel.Persistence;

/// <summary>A message as the admin page shows it.</summary>
public sealed record OutboxMessageView(
    string Module, Guid Id, string EventType, DateTimeOffset OccurredAt, int Attempts,
    DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset? DeadLetteredAt, string? CorrelationId);

/// <summary>Counts for one module's outbox.</summary>
public sealed record OutboxSummary(string Module, int Waiting, int Retrying, int DeadLettered);

/// <summary>What an admin can see and do with integration events across all modules: the dead-letter list, the
/// messages still being retried, and "retry now". Each retry is written to the module's audit trail.</summary>
public sealed class OutboxAdministration(
    IServiceProvider services, ModuleCatalogue catalogue, ICurrentUser currentUser, CorrelationContext correlation, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutboxSummary>> SummariseAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<OutboxSummary>();
        foreach (var (module, outbox) in Outboxes())
        {
            var open = outbox.Where(m => m.ProcessedAt == null);
            summaries.Add(new OutboxSummary(
                module.Name,
                await open.CountAsync(m => m.DeadLetteredAt == null && m.Attempts == 0, cancellationToken),
                await open.CountAsync(m => m.DeadLetteredAt == null && m.Attempts > 0, cancellationToken),
                await open.CountAsync(m => m.DeadLetteredAt != null, cancellationToken)));
        }

        return summaries;
    }

    /// <summary>Dead-lettered messages and messages that have failed at least once, newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessageView>> ListTroubledAsync(CancellationToken cancellationToken)
    {
        var views = new List<OutboxMessageView>();
        foreach (var (module, outbox) in Outboxes())
        {
            var troubled = await outbox
                .Where(m => m.ProcessedAt == null && (m.DeadLetteredAt != null || m.Attempts > 0))
                .OrderByDescending(m => m.OccurredAt)
                .Take(200)
                .ToListAsync(cancellationToken);
            views.AddRange(troubled.Select(m => new OutboxMessageView(
                module.Name, m.Id, m.EventType, m.OccurredAt, m.Attempts, m.NextAttemptAt, m.LastError, m.DeadLetteredAt, m.CorrelationId)));
        }

        return [.. views.OrderByDescending(v => v.OccurredAt)];
    }

    /// <summary>Puts a dead-lettered (or waiting) message back for delivery now, with a fresh count of attempts.</summary>
    public async Task RetryAsync(string moduleName, Guid messageId, CancellationToken cancellationToken)
    {
        var module = catalogue.Find(moduleName) ?? throw new NotFoundException($"There is no module called '{moduleName}'.");
        if (module.PrimaryDbContextType is not { } contextType)
        {
            throw new NotFoundException($"The module '{moduleName}' has no outbox.");
        }

        var context = (DbContext)services.GetRequiredService(contextType);
        var moduleContext = (IModuleDbContext)context;
        var message = await moduleContext.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken)
            ?? throw new NotFoundException("That message no longer exists: it may have been delivered already.");
        if (message.ProcessedAt is not null)
        {
            throw new RuleViolationException("That message has already been delivered.");
        }

        var now = clock.GetUtcNow();
        var wasDeadLettered = message.DeadLetteredAt is not null;
        message.DeadLetteredAt = null;
        message.Attempts = 0;
        message.NextAttemptAt = now;
        moduleContext.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now,
            ActorId = currentUser.Id?.ToString(),
            ActorName = currentUser.DisplayName,
            Command = "RetryIntegrationEvent",
            RecordType = nameof(OutboxMessage),
            RecordId = message.Id.ToString(),
            EntityType = nameof(OutboxMessage),
            Action = "Updated",
            Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["DeadLetteredAt"] = new { from = wasDeadLettered ? "dead-lettered" : null, to = (string?)null },
                ["LastError"] = new { from = message.LastError },
            }),
            CorrelationId = correlation.Id,
        });
        await context.SaveChangesAsync(cancellationToken);
    }

    private IEnumerable<(ModuleDescriptor Module, DbSet<OutboxMessage> Outbox)> Outboxes() =>
        catalogue.Modules
            .Where(m => m.PrimaryDbContextType is not null)
            .Select(m => (m, ((IModuleDbContext)services.GetRequiredService(m.PrimaryDbContextType!)).OutboxMessages));
}
