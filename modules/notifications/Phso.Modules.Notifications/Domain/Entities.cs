using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Notifications.Domain;

/// <summary>Something a person was told in the service.</summary>
internal sealed class Notification
{
    public Guid Id { get; set; }
    public Guid RecipientId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>An email waiting to be sent, or sent, or given up on after repeated failures.</summary>
internal sealed class QueuedEmail : IClaimableWork
{
    public Guid Id { get; set; }
    public required string ToAddress { get; set; }
    public required string ToName { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public Guid? ClaimId { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}
