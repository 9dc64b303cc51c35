namespace Phso.SharedKernel.Persistence;

/// <summary>An integration event waiting in its sender's outbox, written in the same transaction as the change
/// that raised it. The outbox dispatcher delivers it, retrying with back-off, and dead-letters it after the
/// configured number of failed attempts; an admin can retry it from there.</summary>
public sealed class OutboxMessage : IClaimableWork
{
    public Guid Id { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }

    /// <summary>Set by the unit of work when the message is saved.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public string? CorrelationId { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public DateTimeOffset? DeadLetteredAt { get; set; }
    public Guid? ClaimId { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}

/// <summary>A receiver's note that one of its handlers has handled an event: redelivery of the same event to the
/// same handler is skipped, which makes at-least-once delivery safe.</summary>
public sealed class InboxRecord
{
    public Guid EventId { get; set; }
    public required string Handler { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}

/// <summary>One change to one record: who, what, when. Append-only: the unit of work refuses to change or delete one,
/// and SQLite triggers refuse it too.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The person's id, or null for the public and the system.</summary>
    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The command (or event handler) that made the change, e.g. "RegisterOrganisation".</summary>
    public required string Command { get; set; }

    /// <summary>The record the change belongs to, e.g. "Organisation"; a child row is audited as part of its owner.</summary>
    public required string RecordType { get; set; }

    public required string RecordId { get; set; }

    /// <summary>The entity actually changed (the record itself, or one of its parts).</summary>
    public required string EntityType { get; set; }

    /// <summary>Created, Updated or Deleted.</summary>
    public required string Action { get; set; }

    /// <summary>JSON object: property name to {"from": ..., "to": ...}.</summary>
    public required string Changes { get; set; }

    public string? CorrelationId { get; set; }
}

/// <summary>An entity with an optimistic concurrency version. The unit of work increments it on every update; an
/// update made from a stale version fails with <see cref="Messaging.ConcurrencyConflictException"/>.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
