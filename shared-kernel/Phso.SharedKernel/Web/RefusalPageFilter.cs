using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Phso.SharedKernel.Messaging;

namespace Phso.SharedKernel.Web;

/// <summary>
/// A page whose request is refused for an expected reason (no such record, or not yours to see) answers with that
/// status and the friendly page for it, like an API's problem details: it is a refusal, not a failure, so it is not
/// logged as an unhandled exception. Forms catch validation, rule and conflict refusals themselves
/// (<see cref="PhsoPageModel"/>); what reaches here is what a page did not expect to show on its form.
/// </summary>
public sealed class RefusalPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is { } exception && !executed.ExceptionHandled)
        {
            int? status = exception switch
            {
                NotFoundException => StatusCodes.Status404NotFound,
                AccessDeniedException => context.HttpContext.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
                ConcurrencyConflictException or RuleViolationException => StatusCodes.Status409Conflict,
                RequestValidationException => StatusCodes.Status400BadRequest,
                _ => null,
            };
            if (status is { } code)
            {
                executed.Result = new StatusCodeResult(code);
                executed.ExceptionHandled = true;
            }
        }
    }
}
