using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.SharedKernel.Messaging;

// The pipeline runs in this fixed order (outermost first), registered in MediatorRegistration and checked by
// PipelineOrderTests: logging with the correlation id, validation, authorisation, unit of work. Validation comes
// before authorisation so that a malformed request is answered the same way whoever sends it; authorisation comes
// before the unit of work so that no transaction is opened for a refused request.

/// <summary>1. Logs each request with the correlation id, its outcome and how long it took.</summary>
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILoggerFactory loggerFactory, CorrelationContext correlation)
    : IPipelineBehavior<TRequest, TResponse>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("Phso.Requests");

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlation.Id, ["Request"] = name });
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogHandled(_logger, name, elapsed);
            }

            return response;
        }
        catch (Exception e) when (e is RequestValidationException or RuleViolationException or AccessDeniedException or NotFoundException or ConcurrencyConflictException)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var reason = e.GetType().Name;
                LogRefused(_logger, name, reason, e.Message);
            }

            throw;
        }
        catch (Exception e)
        {
            LogFailed(_logger, e, name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} refused ({Reason}): {Detail}")]
    private static partial void LogRefused(ILogger logger, string request, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Request} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string request);
}

/// <summary>2. Refuses a NUL character in any of the request's texts (PostgreSQL cannot store one, and no one types
/// it), then runs the request's FluentValidation validators; failures become a <see cref="RequestValidationException"/>.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly System.Reflection.PropertyInfo[] Texts = [.. typeof(TRequest).GetProperties()
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))];

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var property in Texts)
        {
            var value = property.GetValue(request);
            var texts = value as IEnumerable<string> ?? (value is string one ? new[] { one } : Array.Empty<string>());
            if (texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)))
            {
                failures.Add(new(property.Name, $"{Web.TagHelpers.AuditText.Humanise(property.Name)} contains a null character (U+0000): remove it"));
            }
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures
                .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));
        }

        return await next();
    }
}

/// <summary>3. Checks the request's policy (<see cref="RequiresPolicyAttribute"/>) against the current user; work the
/// system does (jobs, the outbox) is trusted. A request with no declared policy is a programming error.</summary>
public sealed class AuthorisationBehaviour<TRequest, TResponse>(ICurrentUser currentUser, IAuthorizationService authorization)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly ConcurrentDictionary<Type, string?> PolicyByType = new();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var policy = PolicyByType.GetOrAdd(typeof(TRequest), PolicyOf);
        if (policy is not null && !currentUser.IsSystem)
        {
            var result = await authorization.AuthorizeAsync(currentUser.Principal, policy);
            if (!result.Succeeded)
            {
                throw new AccessDeniedException(currentUser.IsAuthenticated
                    ? "You do not have permission to do this."
                    : "You need to sign in to do this.");
            }
        }

        return await next();
    }

    internal static string? PolicyOf(Type requestType)
    {
        if (requestType.GetCustomAttribute<RequiresPolicyAttribute>() is { } required)
        {
            return required.Policy;
        }

        if (requestType.GetCustomAttribute<AnyCallerAttribute>() is not null)
        {
            return null;
        }

        throw new InvalidOperationException($"{requestType.FullName} declares neither [RequiresPolicy] nor [AnyCaller].");
    }
}

/// <summary>4. Runs a command in one transaction on its module's DbContext, then saves: the audit trail, concurrency
/// checks and outbox messages are all written in that transaction. A command sent while another unit of work is open
/// in the scope (one module's handler sending another module's command) joins that transaction and leaves the commit
/// to it (<see cref="ScopedConnection"/>).</summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IServiceProvider services, ModuleCatalogue catalogue, UnitOfWorkContext unitOfWork, ScopedConnection connection)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsCommand(typeof(TRequest)) || catalogue.FindOwnerOf(typeof(TRequest))?.PrimaryDbContextType is not { } contextType)
        {
            return await next();
        }

        var context = (DbContext)services.GetRequiredService(contextType);
        if (context.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        var previous = unitOfWork.Operation;
        unitOfWork.Operation = typeof(TRequest).Name;
        try
        {
            if (connection.Transaction is { } ambient)
            {
                await context.Database.UseTransactionAsync(ambient, cancellationToken);
                try
                {
                    var joined = await next();
                    await context.SaveChangesAsync(cancellationToken);
                    return joined;
                }
                finally
                {
                    await context.Database.UseTransactionAsync(null, cancellationToken);
                }
            }

            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            connection.Transaction = transaction.GetDbTransaction();
            try
            {
                var response = await next();
                await context.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return response;
            }
            finally
            {
                connection.Transaction = null;
            }
        }
        catch (DbUpdateConcurrencyException e)
        {
            context.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(ConcurrencyConflictException.DefaultMessage, e);
        }
        catch
        {
            context.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            unitOfWork.Operation = previous;
        }
    }

    private static bool IsCommand(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
}
