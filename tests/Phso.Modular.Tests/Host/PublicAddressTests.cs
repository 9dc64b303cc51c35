using System.Net;
using System.Text.Json;
using Phso.Host.Composition;
using Phso.Modular.Tests.Complaints;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Host;

/// <summary>Links in emails and API answers come from Hosting:PublicBaseUrl, never from the request's Host header; the
/// service answers only to its public address; and outside Development it will not start without one.</summary>
public sealed class PublicAddressTests
{
    /// <summary>An operator who switched host filtering off (AllowedHosts "*"): links must still ignore the Host header.</summary>
    private sealed class AnyHost : PhsoFactory
    {
        public AnyHost() => Settings["AllowedHosts"] = "*";
    }

    [Fact]
    public async Task A_password_reset_asked_for_under_another_host_name_is_emailed_with_the_public_address()
    {
        using var host = new AnyHost();
        var client = host.CreateBrowser();
        var form = await client.GetPageAsync("/account/forgot-password");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", Demo.Publisher), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Host = "evil.example:8443";
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await host.FlushAsync();
        var email = host.EmailsTo(Demo.Publisher)[^1].Body;
        Assert.Contains($"{PhsoFactory.PublicBaseUrl}/account/set-password?", email, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", email, StringComparison.Ordinal);
    }

    /// <summary>A development run with no address configured.</summary>
    private sealed class DevelopmentWithoutAddress : PhsoFactory
    {
        public DevelopmentWithoutAddress()
        {
            EnvironmentName = "Development";
            Settings["Hosting:PublicBaseUrl"] = "";
            Settings["AllowedHosts"] = "*";
        }
    }

    [Fact]
    public async Task A_development_run_without_an_address_links_to_its_own_default_never_to_the_host_header()
    {
        using var host = new DevelopmentWithoutAddress();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = JsonContent(ComplaintsApiTests.Complaint(await host.OrganisationAsync("Coldharbour Teaching Hospitals"))),
        };
        request.Headers.Host = "evil.example:8443";
        var response = await host.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("privateLink").GetString()!;
        Assert.StartsWith("http://localhost:5080/my-complaint/", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_sent_through_the_api_under_another_host_name_gets_a_private_link_on_the_public_address()
    {
        using var host = new AnyHost();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = JsonContent(ComplaintsApiTests.Complaint(await host.OrganisationAsync("Coldharbour Teaching Hospitals"))),
        };
        request.Headers.Host = "evil.example";
        var response = await host.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = JsonDocument.Parse(body).RootElement.GetProperty("privateLink").GetString()!;
        Assert.StartsWith($"{PhsoFactory.PublicBaseUrl}/my-complaint/", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_any_other_host_is_refused()
    {
        using var host = new PhsoFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        request.Headers.Host = "evil.example:8443";
        Assert.Equal(HttpStatusCode.BadRequest, (await host.CreateBrowser().SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateBrowser().GetAsync("/account/forgot-password")).StatusCode);
    }

    [Fact]
    public void Outside_development_the_service_will_not_start_without_a_public_address()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PhsoApplication.Build(["--environment=Production"], new Dictionary<string, string?> { ["Hosting:PublicBaseUrl"] = "" }));
        Assert.Contains("Set Hosting:PublicBaseUrl", error.Message, StringComparison.Ordinal);
        var wrong = Assert.Throws<InvalidOperationException>(() => PhsoApplication.Build(["--environment=Production"], new Dictionary<string, string?> { ["Hosting:PublicBaseUrl"] = "casework.example" }));
        Assert.Contains("must be an absolute http or https address", wrong.Message, StringComparison.Ordinal);
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
