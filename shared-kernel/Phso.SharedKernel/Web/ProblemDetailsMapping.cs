using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Phso.SharedKernel.Messaging;

namespace Phso.SharedKernel.Web;

/// <summary>Turns refusals from the pipeline into problem details for API callers (paths under /api); page requests
/// are left to the friendly error pages. Anything unexpected becomes a 500 without detail.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var problem = ToProblem(exception, httpContext.User.Identity?.IsAuthenticated == true);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails ToProblem(Exception exception, bool signedIn) => exception switch
    {
        RequestValidationException e => new ValidationProblemDetails(e.Errors.ToDictionary(k => k.Key, k => k.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid. Correct the fields listed in errors and send it again.",
        },
        BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request could not be read. Check that the body is valid JSON of the documented shape." },
        RuleViolationException e => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = e.Message },
        ConcurrencyConflictException e => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = e.Message },
        NotFoundException e => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = e.Message },
        AccessDeniedException e => new ProblemDetails { Status = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized, Title = e.Message },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Sorry, something went wrong on our side. Try again later." },
    };
}
