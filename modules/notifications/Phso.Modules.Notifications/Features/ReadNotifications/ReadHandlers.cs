using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Notifications.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Notifications.Features.ReadNotifications;

public sealed record NotificationView(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread, int Page, int PageSize);

/// <summary>The signed-in person's notifications, newest first.</summary>
[RequiresPolicy(Policies.SignedIn)]
internal sealed record ListMyNotifications(int Page, int PageSize) : IQuery<NotificationPage>;

/// <summary>How many of the signed-in person's notifications are unread.</summary>
[RequiresPolicy(Policies.SignedIn)]
internal sealed record CountMyUnread : IQuery<int>;

/// <summary>Marks one of the signed-in person's notifications read; returns its link.</summary>
[RequiresPolicy(Policies.SignedIn)]
internal sealed record OpenNotification(Guid Id) : ICommand<string?>;

/// <summary>Marks all the signed-in person's notifications read.</summary>
[RequiresPolicy(Policies.SignedIn)]
internal sealed record MarkAllRead : ICommand<int>;

internal sealed class ListMyNotificationsHandler(NotificationsDbContext db, ICurrentUser me) : IRequestHandler<ListMyNotifications, NotificationPage>
{
    public async Task<NotificationPage> Handle(ListMyNotifications request, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me.Id);
        var page = Math.Max(1, request.Page);
        var items = await mine.OrderByDescending(n => n.CreatedAt).Skip((page - 1) * request.PageSize).Take(request.PageSize)
            .Select(n => new NotificationView(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, await mine.CountAsync(cancellationToken), await mine.CountAsync(n => n.ReadAt == null, cancellationToken), page, request.PageSize);
    }
}

/// <summary>Kept for a while (every signed-in page shows it): a notification saved on this host empties what is kept
/// at once; one saved by another host sharing the database shows here within <see cref="ReferenceDataCache{TOwner}.Lifetime"/>.</summary>
internal sealed class CountMyUnreadHandler(NotificationsDbContext db, ICurrentUser me, ReferenceDataCache<NotificationsDbContext> kept) : IRequestHandler<CountMyUnread, int>
{
    public Task<int> Handle(CountMyUnread request, CancellationToken cancellationToken) =>
        kept.GetOrReadAsync(("unread", me.Id), () => db.Notifications.CountAsync(n => n.RecipientId == me.Id && n.ReadAt == null, cancellationToken));
}

internal sealed class OpenNotificationHandler(NotificationsDbContext db, ICurrentUser me, TimeProvider clock) : IRequestHandler<OpenNotification, string?>
{
    public async Task<string?> Handle(OpenNotification request, CancellationToken cancellationToken)
    {
        // Someone else's notification is reported as missing, not forbidden, so ids reveal nothing.
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == request.Id && n.RecipientId == me.Id, cancellationToken)
            ?? throw new NotFoundException("That notification does not exist.");
        notification.ReadAt ??= clock.GetUtcNow();
        return notification.Link;
    }
}

internal sealed class MarkAllReadHandler(NotificationsDbContext db, ICurrentUser me, TimeProvider clock) : IRequestHandler<MarkAllRead, int>
{
    public async Task<int> Handle(MarkAllRead request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var marked = await db.Notifications.Where(n => n.RecipientId == me.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        db.CountsChanged(); // not a save, so the context cannot tell by itself
        return marked;
    }
}

/// <summary>The unread count beside "Notifications" in the service navigation.</summary>
internal sealed class UnreadNotificationsBadge(IMediator mediator) : INavigationBadge
{
    public string Href => "/notifications";

    public async Task<int?> CountAsync(CancellationToken cancellationToken) => await mediator.Send(new CountMyUnread(), cancellationToken);
}
