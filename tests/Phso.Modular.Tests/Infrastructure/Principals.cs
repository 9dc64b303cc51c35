using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Phso.Modular.Tests.Infrastructure;

/// <summary>Makes a DI scope act for a given person, as a web request would.</summary>
public static class Principals
{
    public static IServiceProvider ActingAs(this IServiceProvider services, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(services);
        var identity = roles.Length == 0
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, "Test person"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "Test");
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = services };
        return services;
    }
}
