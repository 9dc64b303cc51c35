using System.Security.Cryptography;
using Phso.SharedKernel.Messaging;

namespace Phso.Host.Composition;

/// <summary>Gives each request a correlation id (the caller's X-Correlation-ID when acceptable), returns it in the
/// response, and puts it in the logging scope; the outbox carries it on to the modules that receive events.</summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-ID";

    public async Task InvokeAsync(HttpContext context, CorrelationContext correlation)
    {
        var supplied = context.Request.Headers[Header].ToString();
        correlation.Id = CorrelationContext.IsAcceptable(supplied) ? supplied : Guid.NewGuid().ToString("N");
        // As the response starts: a page served from the output cache must carry this request's id, not the one
        // stored with the page.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = correlation.Id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlation.Id }))
        {
            await next(context);
        }
    }
}

/// <summary>Security headers on every response. The Content-Security-Policy allows no inline script or style but the
/// one script GOV.UK Frontend's template needs, allowed by its hash: the same on every page, so a page the same for
/// everyone can be served from the output cache (a per-request nonce would differ from the cached page's).</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The template's inline script, exactly as the layout writes it.</summary>
    public const string TemplateScript = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

    public static readonly string TemplateScriptHash = "sha256-" + Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(TemplateScript)));

    private static readonly string Policy =
        $"default-src 'self'; script-src 'self' '{TemplateScriptHash}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A download sets a stricter policy of its own ("sandbox; default-src 'none'"), which is kept.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = Policy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // A page may ask for a stricter policy (the complainant's private link sends no referrer at all).
            headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>An error page shown in place of a request (its status code, or an exception) never reads what that request
/// sent: a malformed form or body is often why the page is shown, and reading it again would fail in turn. It is shown
/// as a GET with an empty form.</summary>
internal sealed class ErrorPageRequestMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            context.Request.Method = HttpMethods.Get;
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(FormCollection.Empty));
        }

        return next(context);
    }
}

/// <summary>API bodies are JSON in UTF-8 (or a multipart upload). A body sent in another character set would fail deep
/// in the JSON reader; it is refused here, with what to send.</summary>
internal sealed class ApiContentTypeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is { } contentType
            && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
            && media.Charset.HasValue
            && !string.Equals(media.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(media.Charset.Value, "utf8", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.Response.WriteAsJsonAsync(
                new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = $"The character set \"{media.Charset.Value}\" is not accepted. Send the body as JSON in UTF-8 (Content-Type: application/json; charset=utf-8).",
                },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
            return;
        }

        await next(context);
    }
}

/// <summary>A body larger than its endpoint takes (its [RequestSizeLimit], else <see cref="PhsoApplication.MaxRequestBodyBytes"/>)
/// is refused with 413 before anything reads it, so the answer says what is wrong rather than failing on the form
/// (antiforgery reads the form first). A body sent without a length is held to the same limit by Kestrel as it is read.</summary>
internal sealed class RequestSizeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? PhsoApplication.MaxRequestBodyBytes;
        var errorPage = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (!errorPage && context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
