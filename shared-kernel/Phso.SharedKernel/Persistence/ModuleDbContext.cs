using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phso.SharedKernel.Messaging;

namespace Phso.SharedKernel.Persistence;

/// <summary>What every module DbContext offers: its outbox, inbox and audit tables, under its own prefix.</summary>
public interface IModuleDbContext
{
    /// <summary>The module's name, which prefixes every table the context maps.</summary>
    string ModuleName { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<InboxRecord> InboxRecords { get; }
    DbSet<AuditEntry> AuditEntries { get; }
}

/// <summary>Base class for a module's DbContext. A context that must derive from something else (Identity's)
/// implements <see cref="IModuleDbContext"/> and calls the same two conventions.</summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options), IModuleDbContext
{
    public abstract string ModuleName { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Maps the module's own entities. Table names are prefixed afterwards.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        modelBuilder.ApplyModuleConventions(ModuleName, Database);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyModuleTypeConventions(Database);
}

public static class OutboxExtensions
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an integration event to this module's outbox. It is saved (or not) with the rest of the unit of work.</summary>
    public static void Publish<TEvent>(this IModuleDbContext context, TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        context.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            EventType = IntegrationEventTypes.NameOf(integrationEvent.GetType()),
            Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), PayloadOptions),
        });
    }

    internal static object Deserialize(string payload, Type type) =>
        JsonSerializer.Deserialize(payload, type, PayloadOptions) ?? throw new JsonException($"The payload of a {type.Name} was empty.");
}
