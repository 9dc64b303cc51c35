using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Scheduling;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Host.Composition;

/// <summary>Builds the web application from the modules. Program, the tests and the command line all use it.</summary>
public static class PhsoApplication
{
    /// <summary>The command-line switch that writes the demo data (never honoured in Production).</summary>
    public const string DemoSwitch = "--demo";

    /// <summary>The command-line switch that starts with every partner plugin off (Plugins:SafeMode).</summary>
    public const string SafeModeSwitch = "--safe-mode";

    /// <summary>The largest request body a page or API call takes, unless it is an upload with its own limit.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public const string SessionCookieName = "phso.session";

    /// <summary>The session runs under the paths that keep state in it (<see cref="SessionPath"/>), and there only for
    /// a request that may write it (not a GET or HEAD) or that brings a session cookie: a GET without one has no state
    /// to read, and the session would still cost a read and a refresh of the shared cache for nothing (a member of the
    /// public opening the complaint form, or a crawler).</summary>
    internal static bool NeedsSession(HttpRequest request, PathString[] sessionPaths) =>
        sessionPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        && (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Cookies.ContainsKey(SessionCookieName));

    /// <summary>Builds the application.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="settings">Settings that override the configuration (tests and the command line).</param>
    /// <param name="serving">Whether it will serve people: then a deployment must say where they reach it
    /// (Hosting:PublicBaseUrl), and it refuses to start without. The command line does not need it.</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null, bool serving = true)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder(args.Where(a => a is not DemoSwitch and not SafeModeSwitch).ToArray());
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (args.Contains(DemoSwitch))
        {
            builder.Configuration["Demo:Seed"] = "true";
        }

        if (args.Contains(SafeModeSwitch))
        {
            builder.Configuration["Plugins:SafeMode"] = "true";
        }

        if (serving)
        {
            PublicUrls.Require(builder.Configuration, builder.Environment);
        }

        LimitHostsToThePublicAddress(builder);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // No "Server: Kestrel" to tell a prober what runs here; and a body larger than any form or API call needs is
            // refused (413) before it is read. Uploads raise it for themselves with [RequestSizeLimit].
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    /// <summary>Requests for any other host are refused (400) unless AllowedHosts is set (an operator's own list, or "*"):
    /// the service answers only to the address it publishes. A development run without a configured address answers
    /// to any.</summary>
    private static void LimitHostsToThePublicAddress(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[PublicUrls.Setting];
        if (string.IsNullOrWhiteSpace(configured) || !string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            return;
        }

        builder.Configuration["AllowedHosts"] = new Uri(PublicUrls.BaseUrlOf(builder.Configuration, builder.Environment)!).Host;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var mvc = services.AddRazorPages(options =>
            {
                options.Conventions.ConfigureFilter(new FormErrorStatusFilter());
                options.Conventions.ConfigureFilter(new RefusalPageFilter());
            })
            .AddMvcOptions(options => options.ModelBinderProviders.Insert(0, new StrictEnumModelBinderProvider()));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        // No fallback policy: it would also apply to addresses that match no page, turning a public 404 into a
        // sign-in redirect. Instead every endpoint states its policy, and the authorisation matrix test fails the
        // build for one that does not.
        services.AddAuthorization(options => options.AddPhsoPolicies());

        var catalogue = services.AddModularMonolith(configuration, builder.Environment);

        // Every module's pages, including a module the host does not reference at compile time.
        mvc.ConfigureApplicationPartManager(parts =>
        {
            foreach (var assembly in catalogue.Modules.Select(m => m.Assembly).Where(a => parts.ApplicationParts.OfType<AssemblyPart>().All(p => p.Assembly != a)))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });
        services.AddScheduler(DatabaseSettings.From(configuration, builder.Environment, ModularMonolith.DataFolder(configuration, builder.Environment)), catalogue, configuration);

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            // Choices as their names only, and null refused where the API's types do not allow it, so a client's
            // mistake is a 400 naming the field rather than a value nobody chose or a failure deeper in.
            o.SerializerOptions.Converters.Add(new StrictEnumConverter());
            o.SerializerOptions.RespectNullableAnnotations = true;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // Where the key ring is kept (the database, on PostgreSQL, so every host reads the same keys) is the accounts module's choice.
        services.AddDataProtection().SetApplicationName("Phso.Modular");
        services.AddAntiforgery(o => o.Cookie.Name = "phso.antiforgery");
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "phso.messages";
            o.Cookie.IsEssential = true;
        });
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider, FlashMessageCookies>();
        // Behind a proxy the HTTPS port cannot be discovered, and without it redirection silently does nothing.
        services.AddHttpsRedirection(o => o.HttpsPort = configuration.GetValue("Hosting:HttpsPort", 443));
        // Answers to multi-page forms (the complaint form) live in the session until they are sent: the shared session
        // cache in the database (accounts module), so any host serves the next page; deleted after 60 minutes idle.
        // Pages the same for every visitor who brings no cookie (the home page, the complaint form's start) opt in.
        services.AddOutputCache(o => o.AddPolicy(AnonymousPageCache.PolicyName, new AnonymousPageCache()));
        services.AddSession(o =>
        {
            o.Cookie.Name = SessionCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.IsEssential = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.IdleTimeout = TimeSpan.FromMinutes(60);
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddOpenApi(options =>
        {
            ApiDescription.Describe(options, configuration, builder.Environment);

            // Enums travel as their names (StrictEnumConverter), which the document says.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type.IsEnum)
                {
                    schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
                    schema.Enum = [.. Enum.GetNames(type).Select(name => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(name))];
                }
                else if (schema.Items is null && context.JsonTypeInfo.ElementType is { } element && (Nullable.GetUnderlyingType(element) ?? element) is { IsEnum: true } enumType)
                {
                    // A list of choices (the case's next stages and allowed steps) would otherwise say only "array".
                    schema.Items = new Microsoft.OpenApi.OpenApiSchema
                    {
                        Type = Microsoft.OpenApi.JsonSchemaType.String,
                        Enum = [.. Enum.GetNames(enumType).Select(name => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(name))],
                    };
                }

                return Task.CompletedTask;
            });
        });

        var accountPostsPerMinute = configuration.GetValue("RateLimits:AccountFormPostsPerMinute", 20);
        var publicPostsPerMinute = configuration.GetValue("RateLimits:PublicPostsPerMinute", 60);
        static RateLimitPartition<string> PerClient(HttpContext context, string bucket, int perMinute) =>
            RateLimitPartition.GetFixedWindowLimiter(
                $"{bucket}:{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
        services.AddRateLimiter(options =>
        {
            // Sign-in, password reset and password setting are limited per client address, so nobody can flood
            // someone's inbox or guess passwords quickly; lockout protects each account as well.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                // Say when to try again: the end of the current window.
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // The public complaint form's pages are limited the same way, more generously: a person answers a
            // page every few seconds at most, a script filling the casework queue far faster.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !HttpMethods.IsPost(context.Request.Method) ? RateLimitPartition.GetNoLimiter("unlimited")
                : context.Request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase) ? PerClient(context, "account", accountPostsPerMinute)
                : context.Request.Path.StartsWithSegments("/complain", StringComparison.OrdinalIgnoreCase) ? PerClient(context, "complain", publicPostsPerMinute)
                : RateLimitPartition.GetNoLimiter("unlimited"));
            options.AddPolicy(RateLimits.PublicForms, context => PerClient(context, RateLimits.PublicForms, publicPostsPerMinute));
        });

        services.AddSingleton(new NavigationLink("Integration events", "/admin/integration-events", Policies.Admin, 95, "Messages between modules that could not be delivered, and retrying them."));
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue("Hosting:HttpsRedirection", true))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseWhen(IsApi, api =>
        {
            api.UseStatusCodePages();
            api.UseMiddleware<ApiContentTypeMiddleware>();
        });
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseMiddleware<ErrorPageRequestMiddleware>();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
        app.UseRouting();
        app.UseMiddleware<RequestSizeMiddleware>();
        app.UseRateLimiter();
        app.UseOutputCache();
        var sessionPaths = app.Services.GetServices<SessionPath>().Select(p => new PathString(p.Prefix)).ToArray();
        app.UseWhen(context => NeedsSession(context.Request, sessionPaths), paths => paths.UseSession());
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapRazorPages();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalogue>().Modules)
        {
            module.Module.MapEndpoints(app);
        }

        // Load balancers ask every few seconds on every host: live does no I/O; ready (and /health) asks each database
        // one trivial query, the migrations having been checked once at start-up.
        var ready = new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains(ModuleDatabasesHealthCheck.ReadyTag) };
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health", ready).AllowAnonymous();

        // The API's description is public: it says what can be asked, not anything anyone may see.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
