using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.SharedKernel.Persistence;

/// <summary>What the current unit of work is doing, for the audit trail.</summary>
public sealed class UnitOfWorkContext
{
    /// <summary>The command or event handler being run; "Unattributed change" when a save happens outside one.</summary>
    public string Operation { get; set; } = "Unattributed change";
}

/// <summary>
/// Runs as every module DbContext saves: writes an audit entry for each changed record, increments concurrency
/// versions, stamps outbox messages, and refuses to change audit entries (the trail is append-only).
/// </summary>
public sealed class UnitOfWorkInterceptor(
    TimeProvider clock, ICurrentUser currentUser, UnitOfWorkContext unitOfWork, CorrelationContext correlation) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Prepare(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prepare(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>What a save does before writing, for rows written by <see cref="BulkInsert"/> instead.</summary>
    internal void PrepareBulk(DbContext context) => Prepare(context);

    private void Prepare(DbContext? context)
    {
        if (context is not IModuleDbContext)
        {
            return;
        }

        var now = clock.GetUtcNow();
        context.ChangeTracker.DetectChanges();
        var audits = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                RefuseOverlongTexts(entry);
            }

            switch (entry.Entity)
            {
                case AuditEntry when entry.State is EntityState.Modified or EntityState.Deleted:
                    throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
                case OutboxMessage message when entry.State == EntityState.Added:
                    if (message.OccurredAt == default)
                    {
                        message.OccurredAt = now;
                        message.NextAttemptAt = now;
                    }

                    message.CorrelationId ??= correlation.Id;
                    break;
                case IVersioned when entry.State == EntityState.Modified:
                    var version = entry.Property(nameof(IVersioned.Version));
                    version.CurrentValue = (int)version.OriginalValue! + 1;
                    break;
            }

            if (Audit(entry, now) is { } audit)
            {
                audits.Add(audit);
            }
        }

        context.AddRange(audits);
    }

    /// <summary>
    /// SQLite does not enforce a column's length, so the model's limits are enforced here, for every module: a text
    /// longer than its limit is never stored. Validators refuse it first, with the request's own field names; this is
    /// what holds if one is missing.
    /// </summary>
    private static void RefuseOverlongTexts(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.GetMaxLength() is not { } most || (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }

            var length = property.CurrentValue switch
            {
                string text => text.Length,
                byte[] bytes => bytes.Length,
                _ => 0,
            };
            if (length > most)
            {
                // The last line of defence behind the validators: it knows the column, not the request, so the
                // refusal concerns the whole form rather than a field.
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    [""] = [$"{Web.TagHelpers.AuditText.Humanise(property.Metadata.Name)} must be {most:N0} characters or fewer (it has {length:N0})"],
                });
            }
        }
    }

    private AuditEntry? Audit(EntityEntry entry, DateTimeOffset now)
    {
        var entityType = entry.Metadata;
        if (entityType.FindAnnotation(ModelConventions.AuditAnnotation)?.Value as string == ModelConventions.Excluded)
        {
            return null;
        }

        var changes = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            var redacted = metadata.FindAnnotation(ModelConventions.AuditAnnotation)?.Value as string == ModelConventions.Redacted;
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes[metadata.Name] = new JsonObject { ["to"] = Describe(property.CurrentValue, redacted) };
                    break;
                // The record as it stood when it was removed, including what the same unit of work set on it last
                // (an uninstalled plugin's reason, say).
                case EntityState.Deleted:
                    changes[metadata.Name] = new JsonObject { ["from"] = Describe(property.CurrentValue, redacted) };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[metadata.Name] = new JsonObject
                    {
                        ["from"] = Describe(property.OriginalValue, redacted),
                        ["to"] = Describe(property.CurrentValue, redacted),
                    };
                    break;
            }
        }

        if (entry.State == EntityState.Modified && changes.Count == 0)
        {
            return null;
        }

        var entityName = entityType.ClrType.IsGenericType ? entityType.ClrType.Name[..entityType.ClrType.Name.IndexOf('`', StringComparison.Ordinal)] : entityType.ClrType.Name;
        var recordType = entityType.FindAnnotation(ModelConventions.AuditRecordTypeAnnotation)?.Value as string ?? entityName;
        var recordId = entityType.FindAnnotation(ModelConventions.AuditRecordKeyAnnotation)?.Value is string ownerKey
            ? Convert.ToString(entry.Property(ownerKey).CurrentValue, CultureInfo.InvariantCulture) ?? ""
            : string.Join(",", entityType.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

        return new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now,
            ActorId = currentUser.Id?.ToString(),
            ActorName = currentUser.DisplayName,
            Command = unitOfWork.Operation,
            RecordType = recordType,
            RecordId = recordId,
            EntityType = entityName,
            Action = entry.State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => "Updated",
            },
            Changes = changes.ToJsonString(),
            CorrelationId = correlation.Id,
        };
    }

    private static JsonNode? Describe(object? value, bool redacted) => value switch
    {
        null => null,
        _ when redacted => "(not recorded)",
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        bool b => b,
        int or long or decimal or double => JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}

/// <summary>Sets per-connection SQLite pragmas: foreign keys on, and NORMAL synchronous mode, which is safe in WAL mode.</summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string Pragmas = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}

public static class VersionExtensions
{
    /// <summary>Declares the version the caller read, so that saving fails if someone changed the record since.</summary>
    public static void ExpectVersion<T>(this DbContext context, T entity, int version)
        where T : class, IVersioned =>
        context.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
}
