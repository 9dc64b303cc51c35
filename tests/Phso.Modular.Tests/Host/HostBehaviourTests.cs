using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Host;

[Collection(DemoHostCollection.Name)]
public sealed class HostBehaviourTests(PhsoFactory host)
{
    [Fact]
    public async Task Every_page_carries_the_security_headers_allowing_only_the_templates_own_inline_script_by_its_hash()
    {
        var response = await host.CreateBrowser().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var scripts = System.Text.RegularExpressions.Regex.Matches(await response.Content.ReadAsStringAsync(), "<script>(.*?)</script>");
        var inline = Assert.Single(scripts).Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(inline)));
        Assert.Contains($"script-src 'self' 'sha256-{hash}';", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/complain")]
    [InlineData("/verify-certificate")]
    public async Task A_page_the_same_for_every_visitor_is_served_from_the_output_cache_only_to_those_who_bring_nothing_of_their_own(string path)
    {
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        async Task<HttpResponseMessage> GetAsync(string address, string? cookie = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response;
        }

        var first = await GetAsync(path);
        var second = await GetAsync(path);
        Assert.True(second.Headers.Age is not null, second.Headers.ToString());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        // Each answer still carries its own request's id, cached or not.
        Assert.NotEqual(first.Headers.GetValues("X-Correlation-ID").Single(), second.Headers.GetValues("X-Correlation-ID").Single());

        // A flash message's cookie, a session, or a query: rendered for that request.
        Assert.Null((await GetAsync(path, "phso.messages=anything")).Headers.Age);
        Assert.Null((await GetAsync(path + "?from=link")).Headers.Age);
    }

    [Fact]
    public async Task A_signed_in_person_never_gets_the_cached_public_home_page()
    {
        var browser = host.CreateBrowser();
        await browser.SignInAsync(Demo.Caseworker);
        var response = await browser.GetAsync("/");
        Assert.Null(response.Headers.Age);
        Assert.Contains("Sign out", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_friendly_404_page_not_a_sign_in_redirect()
    {
        var page = await host.CreateBrowser().GetPageAsync("/no/such/page", HttpStatusCode.NotFound);
        Assert.Contains("Page not found", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_for_signed_in_people_sends_the_public_to_sign_in_and_back()
    {
        var response = await host.CreateBrowser().GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in?ReturnUrl=%2Fnotifications", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    [InlineData("/health/live")]
    public async Task Health_answers_live_without_io_and_ready_when_every_module_database_answers(string path)
    {
        var response = await host.CreateBrowser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_checks_migrations_once_not_on_every_call()
    {
        var state = host.Services.GetRequiredService<SharedKernel.Modules.MigrationState>();
        Assert.Empty(await state.ProblemsAsync(host.Services, CancellationToken.None));
        var commands = new List<string>();
        using var ours = host.Services.GetRequiredService<SharedKernel.Persistence.DatabaseSettings>().CreateConnection();
        var listener = new SqlCounter(commands, ours);
        using (System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(listener))
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await host.CreateBrowser().GetAsync("/health/ready")).StatusCode);
            }
        }

        lock (commands)
        {
            Assert.DoesNotContain(commands, c => c.Contains("__migrations", StringComparison.Ordinal));
            Assert.Equal(5, commands.Count(c => c.Trim() == "SELECT 1"));
        }
    }

    /// <summary>Collects the SQL EF Core sends to one database (other tests' hosts run at the same time), from its
    /// diagnostic events.</summary>
    private sealed class SqlCounter(List<string> commands, System.Data.Common.DbConnection database) : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(System.Diagnostics.DiagnosticListener value)
        {
            if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuting.Name && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data
                && data.Command.Connection is { } connection && connection.DataSource == database.DataSource && connection.Database == database.Database)
            {
                lock (commands)
                {
                    commands.Add(data.Command.CommandText);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var response = await host.CreateBrowser().PostAsync("/account/sign-in", new FormUrlEncodedContent([new("Input.Email", Demo.Admin), new("Input.Password", "x")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_correlation_id_is_returned_and_a_caller_may_supply_a_safe_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Correlation-ID", "trace-123.abc");
        var supplied = await host.CreateBrowser().SendAsync(request);
        Assert.Equal("trace-123.abc", supplied.Headers.GetValues("X-Correlation-ID").Single());

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/health");
        forged.Headers.TryAddWithoutValidation("X-Correlation-ID", "bad id\r\nwith lines");
        var replaced = await host.CreateBrowser().SendAsync(forged);
        Assert.Matches("^[0-9a-f]{32}$", replaced.Headers.GetValues("X-Correlation-ID").Single());
    }

    [Fact]
    public async Task A_person_without_the_role_gets_the_friendly_403_page()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        var page = await staff.GetPageAsync("/admin/people", HttpStatusCode.Forbidden);
        Assert.Contains("You do not have access to this page", page, StringComparison.Ordinal);
    }
}

/// <summary>Failures deep inside: the person sees a friendly page and a reference, never the exception.</summary>
public sealed class FailureTests : IClassFixture<FailureTests.Host>
{
    private readonly Host _host;

    public FailureTests(Host host) => _host = host;

    public sealed class Host : PhsoFactory
    {
        public Host() => WithTestModules = true;
    }

    [Fact]
    public async Task A_page_that_fails_shows_the_friendly_500_page_without_the_details()
    {
        var response = await _host.CreateBrowser().GetAsync("/test-sender/failure");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, there is a problem with the service", page, StringComparison.Ordinal);
        Assert.Contains("quote reference", page, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", page, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_call_that_fails_gets_a_problem_without_the_details()
    {
        var response = await _host.CreateBrowser().GetAsync("/api/test-sender/failure");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(32, json.RootElement.GetProperty("correlationId").GetString()!.Length);
    }
}

/// <summary>Production's behaviour: HTTPS only, HSTS, and never the demo data.</summary>
public sealed class ProductionTests : IClassFixture<ProductionTests.Host>
{
    private readonly Host _host;

    public ProductionTests(Host host) => _host = host;

    public sealed class Host : PhsoFactory
    {
        public Host()
        {
            EnvironmentName = "Production";
            Settings["Hosting:HttpsRedirection"] = "true";
            Settings["Hosting:PublicBaseUrl"] = "https://phso.example";
        }
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_https_answers_with_hsts()
    {
        var client = _host.CreateBrowser();
        client.BaseAddress = new Uri("http://phso.example");
        var http = await client.GetAsync("/accessibility");
        Assert.True(http.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently);
        Assert.StartsWith("https://phso.example", http.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var secure = _host.CreateBrowser();
        secure.BaseAddress = new Uri("https://phso.example");
        var https = await secure.GetAsync("/accessibility");
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.Contains("max-age=31536000", https.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_data_is_refused_in_production_and_none_exists()
    {
        var error = await Assert.ThrowsAsync<SharedKernel.Modules.DatabaseNotPreparedException>(() => SharedKernel.Modules.ModularMonolith.PrepareDatabaseAsync(_host.Services, seedDemoData: true, CancellationToken.None));
        Assert.Contains("Demo data cannot be written in Production", error.Message, StringComparison.Ordinal);

        var client = _host.CreateBrowser();
        client.BaseAddress = new Uri("https://phso.example");
        var signIn = await client.PostFormAsync("/account/sign-in", ("Input.Email", Demo.Admin), ("Input.Password", Modules.Accounts.DemoData.DemoPeople.Password));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }
}
