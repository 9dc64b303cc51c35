using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Phso.SharedKernel.Web;

/// <summary>
/// Absolute links for emails and API answers, built from Hosting:PublicBaseUrl and never from the request (its Host
/// header is the caller's to choose, so a link built from it could send a password reset to an attacker's site).
/// Outside Development the setting is required: the host refuses to start without it (<see cref="Require"/>).
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IHostEnvironment environment)
{
    public const string Setting = "Hosting:PublicBaseUrl";

    /// <summary>Where a development run listens (launchSettings.json), when the setting is left empty there.</summary>
    public const string DevelopmentDefault = "http://localhost:5080";

    public string BaseUrl => BaseUrlOf(configuration, environment) ?? throw new InvalidOperationException(MissingMessage);

    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return BaseUrl + (path.StartsWith('/') ? path : "/" + path);
    }

    /// <summary>The configured base URL without a final slash, the development default, or null when neither applies.</summary>
    public static string? BaseUrlOf(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0
                ? configured.TrimEnd('/')
                : throw new InvalidOperationException($"{Setting} must be an absolute http or https address such as https://casework.ombudsman.example, not \"{configured}\".");
        }

        return environment.IsDevelopment() ? DevelopmentDefault : null;
    }

    /// <summary>Checked at start-up: outside Development a deployment must say where people reach it.</summary>
    public static void Require(IConfiguration configuration, IHostEnvironment environment)
    {
        if (BaseUrlOf(configuration, environment) is null)
        {
            throw new InvalidOperationException(MissingMessage);
        }
    }

    private const string MissingMessage =
        "Set " + Setting + " (environment variable Hosting__PublicBaseUrl) to the address people use to reach this service, for example " +
        "https://casework.ombudsman.example: links in emails and API answers are built from it, never from the request.";
}
