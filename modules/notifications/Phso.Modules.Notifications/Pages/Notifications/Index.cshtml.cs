using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Notifications.Features.ReadNotifications;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Notifications.Pages.Notifications;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(IMediator mediator) : PhsoPageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public NotificationPage Results { get; private set; } = new([], 0, 0, 1, PageSize);

    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Results.Total / (double)PageSize));

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await mediator.Send(new ListMyNotifications(Math.Max(1, PageNumber), PageSize), cancellationToken);

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var link = await mediator.Send(new OpenNotification(id), cancellationToken);
        return Redirect(link is not null && Url.IsLocalUrl(link) ? link : "/notifications");
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        var count = await mediator.Send(new MarkAllRead(), cancellationToken);
        SuccessMessage = count == 1 ? "1 notification marked as read." : $"{count} notifications marked as read.";
        return Redirect("/notifications");
    }
}
