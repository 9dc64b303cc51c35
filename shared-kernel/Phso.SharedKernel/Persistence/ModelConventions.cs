using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Phso.SharedKernel.Persistence;

/// <summary>The conventions every module's model follows: table prefixes, infrastructure tables, concurrency
/// versions, and how the audit trail treats each entity.</summary>
public static class ModelConventions
{
    internal const string AuditAnnotation = "Phso:Audit";
    internal const string AuditRecordTypeAnnotation = "Phso:AuditRecordType";
    internal const string AuditRecordKeyAnnotation = "Phso:AuditRecordKey";
    internal const string Excluded = "exclude";
    internal const string Redacted = "redact";

    /// <summary>Maps the outbox, inbox and audit tables, puts every table in the module's own space (on PostgreSQL a
    /// schema named after the module; on SQLite, which has none, a prefix: complaints_cases), and marks
    /// <see cref="IVersioned.Version"/> as a concurrency token. Call last in OnModelCreating.</summary>
    public static void ApplyModuleConventions(this ModelBuilder modelBuilder, string moduleName, DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.HasIndex(m => new { m.ProcessedAt, m.DeadLetteredAt, m.NextAttemptAt });
            b.ExcludeFromAudit();
        });
        modelBuilder.Entity<InboxRecord>(b =>
        {
            b.ToTable("inbox");
            b.HasKey(r => new { r.EventId, r.Handler });
            b.ExcludeFromAudit();
        });
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(a => a.Id);
            b.HasIndex(a => new { a.RecordType, a.RecordId });
            b.ExcludeFromAudit();
        });

        var prefix = moduleName + "_";
        var schemas = database.IsNpgsql();
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (entityType.IsOwned() || entityType.GetTableName() is not { } table)
            {
                continue;
            }

            if (schemas)
            {
                entityType.SetSchema(moduleName);
            }
            else if (!table.StartsWith(prefix, StringComparison.Ordinal))
            {
                entityType.SetTableName(prefix + table);
            }

            if (typeof(IVersioned).IsAssignableFrom(entityType.ClrType))
            {
                entityType.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            }
        }
    }

    /// <summary>Type mappings: on SQLite, instants are stored as UTC text so that SQL can compare and sort them.</summary>
    public static void ApplyModuleTypeConventions(this ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    /// <summary>Leaves this entity out of the audit trail (for secrets and technical rows, never for casework).</summary>
    public static EntityTypeBuilder<T> ExcludeFromAudit<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.HasAnnotation(AuditAnnotation, Excluded);
        return builder;
    }

    /// <summary>Audits changes to this property without their values (for hashes, tokens and personal data).</summary>
    public static PropertyBuilder<T> RedactedInAudit<T>(this PropertyBuilder<T> builder)
    {
        builder.HasAnnotation(AuditAnnotation, Redacted);
        return builder;
    }

    /// <summary>Audits changes to this entity as changes to the record that owns it (a note on a case is part of the
    /// case's trail), so reading one record's trail shows its parts too.</summary>
    public static EntityTypeBuilder<T> AuditedAsPartOf<T>(this EntityTypeBuilder<T> builder, string recordType, string ownerKeyProperty)
        where T : class
    {
        builder.HasAnnotation(AuditRecordTypeAnnotation, recordType);
        builder.HasAnnotation(AuditRecordKeyAnnotation, ownerKeyProperty);
        return builder;
    }
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as a UTC <see cref="DateTime"/> (ISO text in SQLite), which
/// sorts and compares correctly in SQL; every instant in this system is UTC, from <see cref="TimeProvider"/>.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
