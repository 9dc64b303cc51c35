using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Phso.SharedKernel.Messaging;

namespace Phso.SharedKernel.Web;

/// <summary>Turns refusals from the pipeline into problem details for API callers (paths under /api); page requests
/// are left to the friendly error pages. Anything unexpected becomes a 500 without detail.</summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // The middleware has already pointed Request.Path at the error page; the original path is in this feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && !string.Equals(path, "/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var problem = ToProblem(exception, httpContext.User.Identity?.IsAuthenticated == true);
        if (problem.Status is null or >= 500)
        {
            LogFailed(logger, exception, httpContext.Request.Method, path.ToString());
        }

        problem.Extensions["correlationId"] = httpContext.RequestServices.GetService(typeof(CorrelationContext)) is CorrelationContext correlation ? correlation.Id : null;
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;

        // Always JSON for the API, whatever the Accept header says: an API caller must never get the HTML error page.
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    public static ProblemDetails ToProblem(Exception exception, bool signedIn) => exception switch
    {
        RequestValidationException e => new ValidationProblemDetails(e.Errors.ToDictionary(k => k.Key, k => k.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid. Correct the fields listed in errors and send it again.",
        },
        // A body that is JSON but not of the documented shape: the field and what to send, as a validation problem.
        BadHttpRequestException { InnerException: JsonException json } e => new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [FieldOf(json.Path)] = [Plain(json.Message)],
        })
        {
            Status = e.StatusCode,
            Title = "The request body could not be read. Correct the field listed in errors and send it again.",
        },

        // ASP.NET's own message names the parameter that could not be read (never a stack trace), so it is passed on.
        BadHttpRequestException e => new ProblemDetails
        {
            Status = e.StatusCode,
            Title = "The request could not be read. Check the parameters in the address and that any body is valid JSON of the documented shape.",
            Detail = e.Message,
        },
        RuleViolationException e => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = e.Message },
        ConcurrencyConflictException e => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = e.Message },
        NotFoundException e => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = e.Message },
        AccessDeniedException e => new ProblemDetails { Status = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized, Title = e.Message },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Sorry, something went wrong on our side. Try again later." },
    };

    /// <summary>"$.localQuestions[0].date" becomes "localQuestions[0].date"; the body itself is "".</summary>
    private static string FieldOf(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>System.Text.Json's messages end with the path and position, which the key already gives.</summary>
    private static string Plain(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An API request failed: {Method} {Path}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path);
}
