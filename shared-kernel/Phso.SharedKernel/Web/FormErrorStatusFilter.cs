using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Phso.SharedKernel.Web;

/// <summary>A form shown again with errors answers 400 (409 when someone else changed the record or its state forbids the change), not 200, so the
/// status says what the page says. Applies to every Razor page; handlers need do nothing.</summary>
public sealed class FormErrorStatusFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is PageResult && !context.ModelState.IsValid && context.HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            context.HttpContext.Response.StatusCode = context.HandlerInstance is PhsoPageModel { ConcurrencyConflict: true } or PhsoPageModel { RuleRefused: true }
                ? StatusCodes.Status409Conflict
                : StatusCodes.Status400BadRequest;
        }
    }
}
