using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Phso.SharedKernel.Modules;

namespace Phso.SharedKernel.Web;

/// <summary>A count shown beside a navigation link (unread notifications, cases due). Modules register these.</summary>
public interface INavigationBadge
{
    /// <summary>The link's href this count belongs to.</summary>
    string Href { get; }

    /// <summary>The count for the signed-in person; null or 0 shows nothing.</summary>
    Task<int?> CountAsync(CancellationToken cancellationToken);

    /// <summary>The count in words, for the home page and for screen readers beside the link.</summary>
    string Describe(int count) => $"{count} unread";
}

/// <summary>The service navigation for the person making this request: every module's links whose policy they
/// satisfy, in order. The layout and the home page both use it, so they always agree.</summary>
public sealed class NavigationForUser(
    IEnumerable<IModule> modules, IEnumerable<NavigationLink> hostLinks, IEnumerable<INavigationBadge> badges, IAuthorizationService authorization, IHttpContextAccessor httpContext)
{
    private IReadOnlyList<NavigationLink>? _links;

    private readonly Dictionary<string, (int Count, string Text)?> _badges = new(StringComparer.Ordinal);

    /// <summary>The badge for a visible link, if a module provides one and its count is above 0: the count and the
    /// count in words. Counted once per request, however many places show it.</summary>
    public async Task<(int Count, string Text)?> BadgeAsync(string href, CancellationToken cancellationToken)
    {
        if (_badges.TryGetValue(href, out var known))
        {
            return known;
        }

        var badge = badges.FirstOrDefault(b => b.Href == href);
        var count = badge is null ? null : await badge.CountAsync(cancellationToken);
        return _badges[href] = badge is not null && count is > 0 ? (count.Value, badge.Describe(count.Value)) : null;
    }

    public async Task<IReadOnlyList<NavigationLink>> LinksAsync()
    {
        if (_links is not null)
        {
            return _links;
        }

        var user = httpContext.HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal();
        var signedIn = user.Identity?.IsAuthenticated == true;
        var visible = new List<NavigationLink>();
        foreach (var link in modules.SelectMany(m => m.Navigation).Concat(hostLinks).OrderBy(l => l.Order).ThenBy(l => l.Text, StringComparer.Ordinal))
        {
            if (link.Policy == NavigationLink.Everyone || (signedIn && (await authorization.AuthorizeAsync(user, link.Policy)).Succeeded))
            {
                visible.Add(link);
            }
        }

        return _links = visible;
    }
}
