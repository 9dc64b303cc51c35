using System.Linq.Expressions;

namespace Phso.SharedKernel.Messaging;

/// <summary>The request's input is invalid. Keys are the request's property names; the web layer turns this
/// into form errors on the same page, or a 400 validation problem for the API. Most come from the request's
/// FluentValidation validator; a handler that can only tell after reading records (a chosen person who is not a
/// caseworker, a name already taken) raises one with <see cref="For{TRequest}"/> or <see cref="RequestErrors{TRequest}"/>,
/// naming the property by an expression over the request, so the key cannot be anything but one of its properties
/// (and the architecture tests can list every key a request can be refused with).</summary>
public sealed class RequestValidationException : Exception
{
    internal RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("The request is not valid: " + string.Join(" ", errors.SelectMany(e => e.Value))) => Errors = errors;

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>A refusal of one of the request's properties, with one or more messages.</summary>
    public static RequestValidationException For<TRequest>(Expression<Func<TRequest, object?>> property, params IEnumerable<string> messages)
    {
        var errors = new RequestErrors<TRequest>();
        foreach (var message in messages)
        {
            errors.Add(property, message);
        }

        return errors.ToException();
    }
}

/// <summary>Refusals of several of a request's properties (or of items of a list it carries), raised together.</summary>
public sealed class RequestErrors<TRequest>
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public RequestErrors<TRequest> Add(Expression<Func<TRequest, object?>> property, string message) => Add(PropertyPath.Of(property), message);

    /// <summary>A refusal of one property of the item at <paramref name="index"/> of a list: key <c>List[index].Property</c>.</summary>
    public RequestErrors<TRequest> AddItem<TItem>(Expression<Func<TRequest, IEnumerable<TItem>?>> list, int index, Expression<Func<TItem, object?>> property, string message) =>
        Add($"{PropertyPath.Of(list)}[{index}].{PropertyPath.Of(property)}", message);

    /// <summary>A refusal of the request as a whole, shown at the top of the form (key "").</summary>
    public RequestErrors<TRequest> AddGeneral(string message) => Add("", message);

    public RequestValidationException ToException() =>
        new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw ToException();
        }
    }

    private RequestErrors<TRequest> Add(string key, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!_errors.TryGetValue(key, out var messages))
        {
            _errors[key] = messages = [];
        }

        if (!messages.Contains(message, StringComparer.Ordinal))
        {
            messages.Add(message);
        }

        return this;
    }
}

/// <summary>The dotted property path an expression such as <c>r =&gt; r.Details.Name</c> names.</summary>
internal static class PropertyPath
{
    public static string Of(LambdaExpression expression)
    {
        var names = new Stack<string>();
        var body = expression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } conversion)
        {
            body = conversion.Operand;
        }

        while (body is MemberExpression member)
        {
            names.Push(member.Member.Name);
            body = member.Expression;
        }

        return body is ParameterExpression && names.Count > 0
            ? string.Join('.', names)
            : throw new ArgumentException($"Name a property of the request, as in r => r.Name (not {expression}).", nameof(expression));
    }
}

/// <summary>The request is well formed but the current state forbids it (for example an illegal stage change).
/// The message is written for the person using the service, and concerns the record, never one field.
/// Becomes 409 for the API; a page shows it at the top of the form.</summary>
public sealed class RuleViolationException(string message) : Exception(message);

/// <summary>The caller may not make this request. Becomes 403 (or 401 when nobody is signed in).</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>The record asked for does not exist (or the caller may not know it exists). Becomes 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Someone else changed the record since the caller read it. Becomes 409; forms keep what was typed.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string DefaultMessage = "Someone else changed this record while you were working on it. Your changes have not been saved. Check the current details below, then make your changes again.";
}
