using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Complaints;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.DemoData;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Organisations.Contracts;
using Xunit.Abstractions;

namespace Phso.Modular.Tests.Security;

/// <summary>
/// A bounded fuzz of every form and every API endpoint, as each kind of caller: what nobody should send (empty fields,
/// NUL bytes in names and values, texts of 100,000 characters, numbers and unknown names for choices, lists for single
/// choices, JSON null or the wrong type for each property of each API body the OpenAPI document describes, malformed
/// JSON, multipart and form bodies, a character set other than UTF-8). Nothing may answer 5xx, and a request that is
/// refused (4xx) may write nothing: no audit entry and no outbox message in any module. It runs on a host of its own.
/// </summary>
public sealed partial class FuzzTests(FuzzTests.Host host, ITestOutputHelper output) : IClassFixture<FuzzTests.Host>
{
    public sealed class Host : PhsoFactory;

    /// <summary>A refused sign-in counts the failure against the account, on purpose (lockout); it is the one refusal that writes.</summary>
    private static readonly string[] RefusalsThatRecord = ["/account/sign-in"];

    private static readonly string Long = new('x', 100_001);

    private static readonly (string Name, string Email)[] Callers =
    [
        ("the public", ""), ("a caseworker", Demo.Caseworker), ("an admin", Demo.Admin), ("a partner lead", Demo.PartnerLead), ("a member of staff", Demo.Staff),
    ];

    private int _sent;
    private readonly List<string> _failures = [];

    [Fact]
    public async Task No_request_to_any_form_or_api_endpoint_answers_5xx_and_a_refused_one_writes_nothing()
    {
        var routes = await DemoRoutes.ValuesAsync(host);
        var endpoints = Endpoints().ToList();
        var api = endpoints.Where(e => e.Method is "POST" or "PUT" && e.Route.StartsWith("api/", StringComparison.Ordinal)).ToList();
        var pages = endpoints.Where(e => e.Method is null).Select(e => e.Route).Distinct().ToList();
        var schemas = await RequestSchemasAsync();
        await using var audit = host.Services.GetRequiredService<SharedKernel.Persistence.DatabaseSettings>().CreateConnection();
        await audit.OpenAsync();
        var tables = StoredTables();
        var counting = CountingSql(tables);

        foreach (var (who, email) in Callers)
        {
            var client = host.CreateBrowser();
            if (email.Length > 0)
            {
                await client.SignInAsync(email);
            }

            foreach (var (method, route) in api.Select(e => (e.Method!, e.Route)))
            {
                var url = "/" + DemoRoutes.Fill(route, routes);
                foreach (var body in Bodies(schemas.GetValueOrDefault(OperationKey(method, route))))
                {
                    using var content = new StringContent(body.Json, Encoding.UTF8, "application/json");
                    content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = body.Charset };
                    await SendAsync(client, new HttpRequestMessage(new HttpMethod(method), url) { Content = content }, $"{who}: {method} {url} {body.What}", audit, counting);
                }
            }

            foreach (var route in pages)
            {
                var url = "/" + DemoRoutes.Fill(route, routes);
                using var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                {
                    _failures.Add($"{who}: GET {url} answered {(int)response.StatusCode}");
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                var html = await response.Content.ReadAsStringAsync();
                foreach (var form in Forms(html, url).Take(6))
                {
                    foreach (var (what, content) in FormBodies(form).Take(16))
                    {
                        await SendAsync(client, new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = content }, $"{who}: POST {form.Action} {what}", audit, counting);
                    }
                }
            }
        }

        // Whatever was accepted, nothing longer than the longest text the service keeps (a provisional view or findings,
        // 100,000 characters) was stored anywhere.
        _failures.AddRange(await OversizedTextsAsync(audit, tables, 100_000));

        // The write check can see a write: a note added the ordinary way moves the count.
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        var before = await CountAsync(audit, counting);
        var reference = routes["{reference}"];
        var version = (await host.CaseAsync(reference)).Complaint.Version;
        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsJsonAsync($"/api/cases/{reference}/notes", new { version, text = "A note the fuzz can see." })).StatusCode);
        Assert.True(await CountAsync(audit, counting) > before, "the write check did not see an audited write");

        output.WriteLine($"Fuzz: sent {_sent} requests to {api.Count} API endpoints and the forms of {pages.Count} pages, as {Callers.Length} kinds of caller; {_failures.Count} failed.");
        Console.WriteLine($"Fuzz: sent {_sent} requests; {_failures.Count(f => f.Contains("answered 5", StringComparison.Ordinal))} answered 5xx; {_failures.Count(f => f.Contains("wrote", StringComparison.Ordinal))} refusals wrote something.");
        Assert.True(_sent > 1000, $"only {_sent} requests were sent");
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_sent} requests failed:\n{string.Join("\n", _failures.Take(60))}");
    }

    private async Task SendAsync(HttpClient client, HttpRequestMessage request, string what, DbConnection audit, string counting)
    {
        using (request)
        {
            var before = await CountAsync(audit, counting);
            using var response = await client.SendAsync(request);
            _sent++;
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                _failures.Add($"{what} answered {status}: {Browser.Excerpt(await response.Content.ReadAsStringAsync())[..Math.Min(200, Browser.Excerpt(await response.Content.ReadAsStringAsync()).Length)]}");
            }
            else if (status >= 400 && !RefusalsThatRecord.Any(r => request.RequestUri!.OriginalString.StartsWith(r, StringComparison.Ordinal)) && await CountAsync(audit, counting) != before)
            {
                _failures.Add($"{what} was refused with {status} but wrote an audit entry or outbox message");
            }

            // A form shown again with errors: every error-summary link lands on an element of the page (the error keys
            // are the request's property names, and each has its input).
            if (status == 400 && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var page = await response.Content.ReadAsStringAsync();
                foreach (var target in ErrorLink().Matches(page).Select(m => m.Groups[1].Value).Where(id => !page.Contains($"id=\"{id}\"", StringComparison.Ordinal)))
                {
                    _failures.Add($"{what}: the error summary links to #{target}, which is not on the page");
                }
            }
        }
    }

    /// <summary>Every table of every module, with its text columns, as this engine writes their names (read from the
    /// models, so the same on SQLite and PostgreSQL).</summary>
    private List<StoredTable> StoredTables()
    {
        var tables = new Dictionary<string, StoredTable>();
        foreach (var contextType in host.Services.GetRequiredService<SharedKernel.Modules.ModuleCatalogue>().Modules.SelectMany(m => m.DbContextTypes))
        {
            using var scope = host.Services.CreateScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
            var sql = db.GetService<ISqlGenerationHelper>();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                var name = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
                var table = tables.TryGetValue(name, out var known) ? known : tables[name] = new StoredTable(name, entity.ClrType, []);
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
                {
                    table.TextColumns.Add(sql.DelimitIdentifier(property.GetColumnName()));
                }
            }
        }

        return [.. tables.Values];
    }

    private sealed record StoredTable(string Name, Type Entity, HashSet<string> TextColumns);

    /// <summary>Every text column of every table holding a value longer than <paramref name="most"/> characters.</summary>
    private static async Task<List<string>> OversizedTextsAsync(DbConnection connection, List<StoredTable> tables, int most)
    {
        var oversized = new List<string>();
        foreach (var table in tables)
        {
            foreach (var column in table.TextColumns)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COALESCE(MAX(LENGTH({column})), 0) FROM {table.Name}";
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) is var longest && longest > most)
                {
                    oversized.Add($"{table.Name}.{column} holds a text of {longest:N0} characters: every stored text has a length limit");
                }
            }
        }

        return oversized;
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>One query adding up the rows of every module's audit and outbox tables.</summary>
    private static string CountingSql(List<StoredTable> tables)
    {
        var counted = tables.Where(t => t.Entity == typeof(SharedKernel.Persistence.AuditEntry) || t.Entity == typeof(SharedKernel.Persistence.OutboxMessage)).ToList();
        Assert.True(counted.Count >= 10, $"the audit and outbox tables were not found: {string.Join(", ", counted.Select(t => t.Name))}");
        return "SELECT " + string.Join(" + ", counted.Select(t => $"(SELECT COUNT(*) FROM {t.Name})"));
    }

    /// <summary>API bodies: a plausible one, then each property wrong in turn, then bodies that are not the shape at all.</summary>
    private static IEnumerable<(string What, string Json, string? Charset)> Bodies(JsonObject? schema)
    {
        yield return ("with no body fields", "{}", "utf-8");
        yield return ("with JSON null", "null", "utf-8");
        yield return ("with an array", "[]", "utf-8");
        yield return ("with malformed JSON", "{\"version\": ", "utf-8");
        yield return ("with charset=bogus", "{}", "bogus");
        yield return ("with a NUL in a key", "{\"a\u0000b\": 1}", "utf-8");
        if (schema?["properties"] is not JsonObject properties)
        {
            yield break;
        }

        var valid = new JsonObject();
        foreach (var (name, property) in properties)
        {
            valid[name] = Sample(property as JsonObject);
        }

        yield return ("with every field plausible", valid.ToJsonString(), "utf-8");
        foreach (var (name, property) in properties)
        {
            foreach (var (what, value) in Wrong(property as JsonObject))
            {
                var body = JsonNode.Parse(valid.ToJsonString())!.AsObject();
                body[name] = value;
                yield return ($"with {name} {what}", body.ToJsonString(), "utf-8");
            }
        }
    }

    private static JsonNode? Sample(JsonObject? schema) => schema?["enum"] is JsonArray choices && choices.Count > 0 ? choices[0]?.DeepClone()
        : TypeOf(schema) switch
        {
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(),
            "object" => new JsonObject(),
            _ => "x",
        };

    private static IEnumerable<(string What, JsonNode? Value)> Wrong(JsonObject? schema)
    {
        yield return ("null", null);
        yield return ("as 100,000 characters", Long);
        yield return ("with a NUL", "a\u0000b");
        yield return ("as the number 9999", 9999);
        yield return ("as -1", -1);
        yield return ("as two choices", "England,Wales");
        yield return ("as an object", new JsonObject { ["a"] = new JsonArray(1, 2) });
        yield return ("as a list of 10,000", new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode?)JsonValue.Create(i))]));
        if (TypeOf(schema) is "integer" or "number")
        {
            yield return ("too large for its type", JsonNode.Parse("1e400"));
        }
    }

    private static string? TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not "null"),
        _ => null,
    };

    private sealed record Form(string Action, bool Multipart, IReadOnlyList<(string Name, string Value, bool Hidden)> Fields);

    private static IEnumerable<Form> Forms(string html, string page)
    {
        foreach (Match form in FormTag().Matches(html))
        {
            var action = WebUtility.HtmlDecode(Attribute(form.Groups[1].Value, "action") ?? page);
            if (!action.StartsWith('/'))
            {
                continue;
            }

            var fields = Field().Matches(form.Groups[2].Value)
                .Select(f => (Name: WebUtility.HtmlDecode(f.Groups[2].Value), Value: WebUtility.HtmlDecode(Attribute(f.Value, "value") ?? ""), Hidden: f.Value.Contains("type=\"hidden\"", StringComparison.Ordinal)))
                .Where(f => !f.Value.Contains('\n', StringComparison.Ordinal) || f.Hidden)
                .GroupBy(f => f.Name).Select(g => g.First()).ToList();
            yield return new Form(action, Attribute(form.Groups[1].Value, "enctype") == "multipart/form-data", fields);
        }
    }

    private static IEnumerable<(string What, HttpContent Content)> FormBodies(Form form)
    {
        var hidden = form.Fields.Where(f => f.Hidden).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        var visible = form.Fields.Where(f => !f.Hidden).ToList();
        HttpContent Encode(IEnumerable<KeyValuePair<string, string>> fields) => form.Multipart ? Multipart(fields) : new FormUrlEncodedContent(fields);

        yield return ("with every field empty", Encode([.. hidden, .. visible.Select(f => new KeyValuePair<string, string>(f.Name, ""))]));
        yield return ("with a NUL in a field's name", Encode([.. hidden, new("a\u0000b", "c")]));
        yield return ("with a malformed multipart body", new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--y--", Encoding.UTF8, "multipart/form-data"));
        var malformed = new ByteArrayContent("%%%=&&=%zz"u8.ToArray());
        malformed.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        yield return ("with a malformed form body", malformed);
        foreach (var field in visible.Take(4))
        {
            foreach (var (what, value) in new[] { ("a NUL", "a\u0000b"), ("100,000 characters", Long), ("9999", "9999"), ("two choices", "England,Wales") })
            {
                yield return ($"with {field.Name} as {what}", Encode([.. hidden, .. visible.Select(f => new KeyValuePair<string, string>(f.Name, f.Name == field.Name ? value : f.Value))]));
            }
        }
    }

    /// <summary>A multipart form written by hand, as a client could send it (.NET's own refuses some of these names).</summary>
    private static ByteArrayContent Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        const string boundary = "fuzz-boundary";
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"--{boundary}--\r\n");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString()));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    private static string? Attribute(string tag, string name) => Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The request body schema of each API operation, by "METHOD /route" as the endpoints name them.</summary>
    private async Task<Dictionary<string, JsonObject>> RequestSchemasAsync()
    {
        var document = JsonNode.Parse(await host.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var components = document["components"]?["schemas"] as JsonObject;
        JsonObject? Resolve(JsonNode? node) => node?["$ref"]?.GetValue<string>() is { } reference ? components?[reference.Split('/')[^1]] as JsonObject : node as JsonObject;
        var schemas = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (Resolve(operation?["requestBody"]?["content"]?["application/json"]?["schema"]) is { } schema)
                {
                    var properties = new JsonObject();
                    foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
                    {
                        properties[name] = (Resolve(property) ?? property)?.DeepClone();
                    }

                    schemas[OperationKey(method, path)] = new JsonObject { ["properties"] = properties };
                }
            }
        }

        return schemas;
    }

    /// <summary>"POST api/cases/{id:guid}/" and the document's "post /api/cases/{id}" name the same operation.</summary>
    private static string OperationKey(string method, string route) =>
        $"{method.ToUpperInvariant()} /{Regex.Replace(route.Trim('/'), ":[a-z?]+}", "}")}";

    private IEnumerable<(string? Method, string Route)> Endpoints() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var route = e.RoutePattern.RawText?.TrimStart('/') ?? "";
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
                return methods is null or { Count: 0 } ? [(null as string, route)] : methods.Select(m => ((string?)m, route));
            })
            .Where(e => !e.route.StartsWith("error", StringComparison.Ordinal) && !e.route.StartsWith("openapi", StringComparison.Ordinal))
            .Distinct();

    [GeneratedRegex("<form\\b([^>]*method=\"post\"[^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<li><a href=\"#([^\"]+)\">")]
    private static partial Regex ErrorLink();

    [GeneratedRegex("<(input|textarea|select)\\b[^>]*\\sname=\"([^\"]+)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Field();
}
