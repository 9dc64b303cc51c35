using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Phso.SharedKernel.Web;

/// <summary>
/// Output caching for pages that are the same for everyone who brings nothing of their own: a GET or HEAD with no
/// cookie, no Authorization header and no query string (a visitor's first look at the home page, the complaint
/// form's start, the certificate check). Anything else (signed in, a flash message or session cookie, a search) is
/// rendered afresh; so is any answer that sets a cookie or is not a 200. Pages opt in with
/// <c>[OutputCache(PolicyName = AnonymousPageCache.PolicyName)]</c>; the host registers the policy.
/// </summary>
public sealed class AnonymousPageCache : IOutputCachePolicy
{
    public const string PolicyName = "AnonymousPage";

    /// <summary>Short, so that an edit to what such a page shows (the register's count, a setting) appears soon.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static bool Applies(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.QueryString.HasValue
            && !request.Headers.ContainsKey(HeaderNames.Cookie)
            && !request.Headers.ContainsKey(HeaderNames.Authorization);
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var applies = Applies(context.HttpContext.Request);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = applies;
        context.AllowCacheStorage = applies;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
