namespace Phso.SharedKernel.Messaging;

/// <summary>The correlation id of the work in this scope: the web request's (from the X-Correlation-ID header, or a
/// new one), or, while the outbox delivers an event, the id of the request that raised it.</summary>
public sealed class CorrelationContext
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Accepts a caller-supplied id only when it is short and plain, so logs cannot be forged through it.</summary>
    public static bool IsAcceptable(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && candidate.Length <= 64 && candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
