using MediatR;

namespace Phso.SharedKernel.Messaging;

/// <summary>A request that changes state. It runs inside its module's unit of work (one transaction, audited).</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>A command with no result.</summary>
public interface ICommand : ICommand<Unit>;

/// <summary>A request that only reads. It never opens a unit of work.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;

/// <summary>
/// Something that happened in one module that other modules may act on. Written to the sender's outbox in the
/// same transaction as the change, delivered at least once to handlers in other modules, which are made idempotent
/// by the receiver's inbox. Define them in a module's <c>.Contracts</c> project as immutable records.
/// </summary>
public interface IIntegrationEvent : INotification;

/// <summary>The policy a caller must satisfy for the request to run (checked by the pipeline, after validation).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>Marks a request any caller may send, including the public and other modules acting for them.
/// Every request carries this or <see cref="RequiresPolicyAttribute"/>; an architecture test enforces it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnyCallerAttribute : Attribute;
