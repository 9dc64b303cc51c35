using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phso.SharedKernel.Messaging;

namespace Phso.Host.Pages;

/// <summary>The friendly error pages: for a status code (404, 403...) and for an unhandled exception. The exception's
/// details are shown only in Development; elsewhere people see what happened and what to do, with the correlation id
/// to quote.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IWebHostEnvironment environment, CorrelationContext correlation) : PageModel
{
    public int Status { get; private set; }

    public string? Detail { get; private set; }

    public string CorrelationId => correlation.Id;

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Status = code ?? error switch
        {
            AccessDeniedException => User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
            NotFoundException => StatusCodes.Status404NotFound,
            RequestValidationException => StatusCodes.Status400BadRequest,
            RuleViolationException or ConcurrencyConflictException => StatusCodes.Status409Conflict,
            BadHttpRequestException bad => bad.StatusCode,
            _ => StatusCodes.Status500InternalServerError,
        };
        Response.StatusCode = Status;
        if (error is RuleViolationException or ConcurrencyConflictException or NotFoundException or AccessDeniedException)
        {
            Detail = error.Message;
        }
        else if (error is not null && environment.IsDevelopment())
        {
            Detail = error.ToString();
        }
    }
}
