using System.Diagnostics;
using System.Text.Json;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modular.Tests.Plugins;

namespace Phso.Modular.Tests.Host;

/// <summary>The OpenAPI description is a contract a client generator can trust: Redocly's recommended lint passes with
/// no errors (examples held to their schemas), and every operation names itself, says what it does, what sign-in it
/// needs, how it refuses and what a body looks like.</summary>
[Collection(DemoHostCollection.Name)]
public sealed class ApiDescriptionTests(PhsoFactory host)
{
    private static readonly string Redocly = Path.Combine(TestPlugins.RepositoryRoot(), "tests", "Phso.Modular.Tests", "node_modules", ".bin", "redocly");

    private async Task<JsonDocument> DescriptionAsync() =>
        JsonDocument.Parse(await host.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

    [Fact]
    public async Task Redocly_recommended_lint_finds_no_errors()
    {
        Assert.True(File.Exists(Redocly), $"Redocly's CLI is not at {Redocly}: build the tests (npm ci installs @redocly/cli).");
        var file = Path.Combine(host.DataFolder, "openapi.json");
        await File.WriteAllTextAsync(file, await host.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var config = Path.Combine(TestPlugins.RepositoryRoot(), "tests", "Phso.Modular.Tests", "redocly.yaml");
        var start = new ProcessStartInfo(Redocly, ["lint", file, "--config", config, "--format=json", "--max-problems=1000"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        using var lint = Process.Start(start)!;
        var output = lint.StandardOutput.ReadToEndAsync();
        _ = lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();

        using var report = JsonDocument.Parse(await output);
        var errors = report.RootElement.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() == "error")
            .Select(p => $"{p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(0, lint.ExitCode);
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_its_security_problem_responses_and_an_example_body()
    {
        using var description = await DescriptionAsync();
        var root = description.RootElement;
        Assert.Equal(PhsoFactory.PublicBaseUrl, root.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.Equal("cookie", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("session").GetProperty("in").GetString());

        var ids = new HashSet<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                Assert.True(op.TryGetProperty("operationId", out var id) && ids.Add(id.GetString()!), $"{where} needs an operationId of its own");
                Assert.True(op.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10, $"{where} needs a summary");
                Assert.True(op.TryGetProperty("security", out _), $"{where} must say what sign-in it needs");
                if (op.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    Assert.True(json.TryGetProperty("example", out _), $"{where} needs an example body (WithRequestExample)");
                }

                var refusals = op.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
                Assert.True(refusals.Count > 0, $"{where} describes no 4xx answer");
                Assert.All(refusals, r => Assert.EndsWith("/ProblemDetails", r.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal));
            }
        }

        Assert.True(ids.Count >= 35, $"only {ids.Count} operations");
    }

    [Fact]
    public async Task An_anonymous_operation_needs_no_sign_in_and_a_caseworker_one_needs_the_session()
    {
        using var description = await DescriptionAsync();
        var paths = description.RootElement.GetProperty("paths");
        Assert.Equal(0, paths.GetProperty("/api/complaints").GetProperty("post").GetProperty("security").GetArrayLength());
        var casework = paths.GetProperty("/api/cases/{reference}").GetProperty("get");
        Assert.True(casework.GetProperty("security")[0].TryGetProperty("session", out _));
        Assert.Equal("GetCase", casework.GetProperty("operationId").GetString());
        Assert.True(casework.GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task The_example_bodies_of_new_records_are_accepted_as_they_stand()
    {
        // The lint holds every example to its schema; these two are sent as they are, and make what they describe.
        using var description = await DescriptionAsync();
        var paths = description.RootElement.GetProperty("paths");
        string Example(string path) => paths.GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText();

        using var complaint = new StringContent(Example("/api/complaints"), System.Text.Encoding.UTF8, "application/json");
        var submitted = await host.CreateBrowser().PostAsync(new Uri("/api/complaints", UriKind.Relative), complaint);
        Assert.Equal(System.Net.HttpStatusCode.Created, submitted.StatusCode);

        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        using var organisation = new StringContent(Example("/api/organisations"), System.Text.Encoding.UTF8, "application/json");
        var registered = await admin.PostAsync(new Uri("/api/organisations", UriKind.Relative), organisation);
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
    }
}
