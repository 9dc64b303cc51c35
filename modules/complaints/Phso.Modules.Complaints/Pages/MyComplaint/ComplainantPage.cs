using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Phso.Modules.Complaints.Features.ComplainantLink;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.MyComplaint;

/// <summary>
/// A page reached through the complainant's private link. No account: the unguessable token in the address is the
/// key, so an unknown token is a 404, an expired or replaced one says so (410), and the pages are never indexed.
/// </summary>
[AllowAnonymous]
public abstract class ComplainantPage(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    public ComplainantCase Case { get; private set; } = default!;

    public bool LinkEnded { get; private set; }

    protected IMediator Mediator => mediator;

    public string Home => $"/my-complaint/{Token}";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (!await ReloadAsync())
        {
            context.Result = LinkEnded ? LinkEndedPage() : NotFound();
            return;
        }

        await next();
    }

    protected async Task<bool> ReloadAsync()
    {
        var (state, found) = await mediator.Send(new OpenComplainantLink(Token));
        LinkEnded = state == LinkState.Ended;
        if (found is null)
        {
            return false;
        }

        Case = found;
        return true;
    }

    /// <summary>Sends a complainant command; on success goes back to the case with a confirmation.</summary>
    protected async Task<IActionResult> SendAsync(IRequest<MediatR.Unit> command, string done, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => mediator.Send(command, cancellationToken)))
        {
            SuccessMessage = done;
            return Redirect(Home);
        }

        return Page();
    }

    private ViewResult LinkEndedPage()
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return new ViewResult { ViewName = "_LinkEnded" };
    }
}
