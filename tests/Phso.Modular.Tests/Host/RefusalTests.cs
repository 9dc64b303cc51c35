using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Phso.Modular.Tests.Complaints;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Host;

/// <summary>Refusals said plainly and recorded for what they are (issue "What outside users found", items 20, 21 and 23).</summary>
public sealed class RefusalTests(RefusalTests.Host host) : IClassFixture<RefusalTests.Host>
{
    /// <summary>A host that keeps every warning and error logged.</summary>
    public sealed class Host : PhsoFactory
    {
        public List<(LogLevel Level, string Category, string Message)> Logged { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new Capture(Logged)));
        }

        private sealed class Capture(List<(LogLevel, string, string)> logged) : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logged);

            public void Dispose()
            {
            }
        }

        private sealed class Logger(string category, List<(LogLevel, string, string)> logged) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (logged)
                {
                    logged.Add((logLevel, category, formatter(state, exception)));
                }
            }
        }
    }

    /// <summary>A host that allows two account form posts a minute.</summary>
    private sealed class Limited : PhsoFactory
    {
        public Limited() => Settings["RateLimits:AccountFormPostsPerMinute"] = "2";
    }

    [Fact]
    public async Task Too_many_attempts_say_when_to_try_again()
    {
        using var limited = new Limited();
        var client = limited.CreateBrowser();
        HttpResponseMessage response;
        var tries = 0;
        do
        {
            response = await client.PostFormAsync("/account/forgot-password", ("Input.Email", "someone@example.com"));
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests && ++tries < 5);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retry = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retry, 1, 60);
    }

    [Fact]
    public async Task Opening_someone_elses_notification_is_a_404_not_an_unhandled_exception()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        int before;
        lock (host.Logged)
        {
            // What the host logged starting: on a new PostgreSQL database, Npgsql logs each module's missing migrations
            // history as a failed command before creating it (npgsql/efcore.pg#3407), which is not this test's concern.
            before = host.Logged.Count;
        }

        var response = await staff.PostFormAsync("/account/password", [], $"/notifications?handler=Open&id={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        lock (host.Logged)
        {
            var errors = host.Logged.Skip(before).Where(l => l.Level >= LogLevel.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(3)));
        }
    }

    [Fact]
    public async Task Choices_arrive_as_their_names_only()
    {
        var organisation = await host.OrganisationAsync("Coldharbour Teaching Hospitals");
        foreach (var nation in new object[] { 9999, -1, "England,Wales", "Atlantis" })
        {
            var body = System.Text.Json.JsonSerializer.SerializeToNode(ComplaintsApiTests.Complaint(organisation))!.AsObject();
            body["personNation"] = System.Text.Json.Nodes.JsonValue.Create(nation);
            var response = await host.CreateClient().PostAsJsonAsync("/api/complaints", body);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"personNation {nation} answered {(int)response.StatusCode}");
            Assert.Contains("\"personNation\"", problem, StringComparison.Ordinal);
            Assert.Contains("Send one of", problem, StringComparison.Ordinal);
            Assert.Contains("England", problem, StringComparison.Ordinal);
        }

        // A form field the same: one of the names, or "select one of the options" on the field.
        var person = host.CreateBrowser();
        await person.AnswerAsync("/complain/who", ("Answers.Who", "myself"));
        var flags = await person.PostFormAsync("/complain/person", ("Answers.PersonName", "Ada Lovelace"), ("Answers.PersonNation", "England,Wales"));
        Assert.Equal(HttpStatusCode.BadRequest, flags.StatusCode);
        Assert.Contains("<a href=\"#Answers_PersonNation\">", await flags.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_null_where_the_api_allows_none_is_a_400_naming_the_field()
    {
        var organisation = await host.OrganisationAsync("Coldharbour Teaching Hospitals");
        foreach (var field in new[] { "awareOn", "complainedOn", "acknowledgedOn", "finalResponseOn", "localQuestions", "supportNeeds", "extraTime" })
        {
            var body = System.Text.Json.JsonSerializer.SerializeToNode(ComplaintsApiTests.Complaint(organisation))!.AsObject();
            body[field] = null;
            var response = await host.CreateClient().PostAsJsonAsync("/api/complaints", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: null answered {(int)response.StatusCode}");
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        var reference = await host.DemoCaseAsync(Phso.Modules.Complaints.Domain.CaseStage.Checks, "");
        var version = (await host.CaseAsync(reference)).Complaint.Version;
        foreach (var check in new object[] { 9999, -1 })
        {
            var response = await caseworker.PostAsJsonAsync($"/api/cases/{reference}/checks", new { version, check, met = true, reason = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var bogus = new StringContent("{}", System.Text.Encoding.UTF8);
        bogus.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=bogus");
        var charset = await host.CreateClient().PostAsync("/api/complaints", bogus);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, charset.StatusCode);
        Assert.Contains("UTF-8", await charset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_with_a_nul_byte_or_a_malformed_body_gets_the_400_page()
    {
        var response = await host.CreateBrowser().PostFormAsync("/account/sign-in", ("Input.Email", "a\u0000b"), ("Input.Password", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        using var malformed = new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--y--", System.Text.Encoding.UTF8, "multipart/form-data");
        var broken = await host.CreateBrowser().PostAsync("/complain/who", malformed);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("There is a problem with the request", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_larger_than_its_endpoint_takes_is_a_413_with_the_friendly_page()
    {
        using var huge = new StringContent("Input.Email=" + new string('x', 2 * 1024 * 1024), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await host.CreateBrowser().PostAsync("/account/sign-in", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("What you sent is too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var api = new StringContent("{\"text\": \"" + new string('x', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.CreateClient().PostAsync("/api/complaints", api)).StatusCode);
    }
}
