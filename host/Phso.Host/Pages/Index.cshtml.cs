using Microsoft.AspNetCore.Authorization;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Host.Pages;

/// <summary>The home page: what the service is, and for a signed-in person the parts of it their roles open.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AnonymousPageCache.PolicyName)]
public sealed class IndexModel(NavigationForUser navigation, ICurrentUser currentUser) : PhsoPageModel
{
    public IReadOnlyList<NavigationLink> Links { get; private set; } = [];

    public string DisplayName => currentUser.DisplayName;

    public NavigationForUser Navigation => navigation;

    public async Task OnGetAsync() => Links = await navigation.LinksAsync();
}
