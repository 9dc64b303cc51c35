using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Phso.SharedKernel.Web;

/// <summary>Absolute links for emails: the configured Hosting:PublicBaseUrl, else the current request's own origin
/// (so a development run links to itself), else http://localhost:5080.</summary>
public sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor httpContext)
{
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var configured = configuration["Hosting:PublicBaseUrl"];
        var request = httpContext.HttpContext?.Request;
        var origin = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "http://localhost:5080";
        return origin + (path.StartsWith('/') ? path : "/" + path);
    }
}
