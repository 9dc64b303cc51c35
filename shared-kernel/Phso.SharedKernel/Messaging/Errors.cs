namespace Phso.SharedKernel.Messaging;

/// <summary>The request's input is invalid. Keys are the request's property names; the web layer turns this
/// into form errors on the same page, or a 400 validation problem for the API.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is not valid: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string property, string message) => new(new Dictionary<string, string[]> { [property] = [message] });
}

/// <summary>The request is well formed but the current state forbids it (for example an illegal stage change).
/// The message is written for the person using the service. Becomes 409 for the API.</summary>
public sealed class RuleViolationException(string message, string? property = null) : Exception(message)
{
    /// <summary>The request property the message belongs to, when there is one.</summary>
    public string? Property { get; } = property;
}

/// <summary>The caller may not make this request. Becomes 403 (or 401 when nobody is signed in).</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>The record asked for does not exist (or the caller may not know it exists). Becomes 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Someone else changed the record since the caller read it. Becomes 409; forms keep what was typed.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string DefaultMessage = "Someone else changed this record while you were working on it. Your changes have not been saved. Check the current details below, then make your changes again.";
}
