using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Phso.Modular.Tests.Host;

/// <summary>
/// Every error key a page can receive lands on an input of that page. For each page that sends commands, the keys
/// each command can be refused with are listed from the command itself: its validators' properties, the texts the
/// pipeline checks for NUL characters, and every property a handler names in a refusal (an expression over the
/// request, <c>RequestValidationException.For&lt;T&gt;(r =&gt; r.Property, ...)</c>, found in the compiled modules). The
/// page is then shown, as someone allowed to see it, and each key under the page's prefix must be the id of one of
/// its elements, which is where the error summary's link goes. Keys for values the page carries itself (its route and
/// hidden fields, such as the version read) are not typed by anyone and are left out.
/// </summary>
public sealed partial class ErrorKeysTests(Plugins.PluginHostFactory host, ITestOutputHelper output) : IClassFixture<Plugins.PluginHostFactory>
{
    /// <summary>The public complaint form keeps its answers in the session and declares each page's fields in its
    /// journey (ComplaintFormTests checks each page's errors); its pages send nothing until the last one.</summary>
    private static readonly string[] PagesWithTheirOwnCheck = ["complain"];

    private const string TestPlugin = "error-keys-plugin";

    private static readonly string[] Callers = [Demo.Admin, Demo.Caseworker, Demo.Manager, Demo.PartnerLead, Demo.Staff, ""];

    /// <summary>What a page needs in its address besides its route to show its form: a set-password link's person
    /// and token, a search that finds organisations, a certificate (someone completes a course for one).</summary>
    private async Task<Dictionary<string, string>> QueriesAsync() => new(StringComparer.Ordinal)
    {
        ["account/set-password"] = $"?person={Guid.Empty}&token=from-the-email",
        ["cases/{reference}/link-body"] = "?search=Coldharbour",
        ["training/certificates"] = $"?code={await CertificateAsync()}",
    };

    private async Task<string> CertificateAsync()
    {
        await using var scope = host.SystemScope();
        var courses = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Phso.Modules.Training.Features.Authoring.ListCourses());
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.Staff);
        var course = courses.Single(c => c.Key == "edi-essentials").Id;
        await Training.TrainingClockTests.CompleteEdiAsync(learner, course);
        return CertificateCode().Match(await learner.GetPageAsync($"/learning/courses/{course}")).Groups[1].Value;
    }

    [GeneratedRegex("href=\"/learning/certificates/([A-Z0-9-]{14})\"")]
    private static partial Regex CertificateCode();

    [Fact]
    public async Task Every_error_key_a_page_can_receive_matches_an_input_on_that_page()
    {
        var named = RefusalKeys.NamedKeys.Read();
        var routes = await DemoRoutes.ValuesAsync(host);
        await using (var scope = host.SystemScope())
        {
            // A plugin for the plugin pages to show (this host trusts the test key).
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Phso.Modules.Plugins.Features.Lifecycle.InstallPlugin(
                Plugins.TestPlugins.Package("Phso.TestPlugins.Faulty.Working", host.Key, id: TestPlugin)));
        }

        var queries = await QueriesAsync();
        var otherCase = await host.DemoCaseAsync("NHS Glenmorven");
        var browsers = new Dictionary<string, HttpClient>();
        var failures = new List<string>();
        var checkedKeys = 0;
        var pages = await PagesAsync();
        foreach (var page in pages)
        {
            var sent = RefusalKeys.SentCommands(page.Model);
            var fromRoute = CarriedByTheRoute(page.Model, page.Route);
            var keys = sent.Commands.Select(c => (Command: c, Keys: RefusalKeys.KeysOf(c, named, host.Services).ToList())).Where(c => c.Keys.Count > 0).ToList();
            if (keys.All(c => c.Keys.All(k => fromRoute(k.Split('.', '[')[0]))) || PagesWithTheirOwnCheck.Any(p => page.Route.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            if (sent.Prefixes.Count == 0)
            {
                failures.Add($"/{page.Route} ({page.Model.Name}) sends {string.Join(", ", keys.Select(c => c.Command.Name))} without TryAsync, so its refusals are not put on its inputs");
                continue;
            }

            var url = "/" + (page.Route.StartsWith("admin/plugins/", StringComparison.Ordinal) ? page.Route.Replace("{id}", TestPlugin, StringComparison.Ordinal) : DemoRoutes.Fill(page.Route, routes))
                + queries.GetValueOrDefault(page.Route, "");
            var shown = await ShowAsync(url, browsers);
            if (shown is not null && page.Route.Contains("{reference}", StringComparison.Ordinal)
                && await ShowAsync(url.Replace(routes["{reference}"], otherCase, StringComparison.Ordinal), browsers) is { } more)
            {
                // The same page for a case whose plugin asked dates rather than yes or no: what differs by case is on one of them.
                shown = (shown.Value.Ids.Concat(more.Ids).ToHashSet(StringComparer.Ordinal), shown.Value.Hidden.Concat(more.Hidden).ToHashSet(StringComparer.Ordinal));
            }

            var ids = shown?.Ids;
            if (ids is null)
            {
                failures.Add($"{url} ({page.Model.Name}) could not be shown by any demo user with a form on it ({string.Join(", ", await StatusesAsync(url, browsers))})");
                continue;
            }

            output.WriteLine($"{url} ({page.Model.Name}), prefix {string.Join(" or ", sent.Prefixes.Select(p => $"\"{p}\""))}: {string.Join("; ", keys.Select(c => $"{c.Command.Name} {string.Join(", ", c.Keys)}"))}");
            foreach (var (command, commandKeys) in keys)
            {
                foreach (var key in commandKeys)
                {
                    // A key that lands is right; one for a value the page sends itself (a hidden field such as the
                    // version read, or something from its address) is not typed by anyone, so has no input.
                    var lands = sent.Prefixes.Any(prefix => Lands(key, prefix, ids!));
                    if (!lands && (fromRoute(key.Split('.', '[')[0]) || shown!.Value.Hidden.Any(h => h == key || h.EndsWith("." + key, StringComparison.Ordinal))))
                    {
                        continue;
                    }

                    checkedKeys++;
                    if (!lands)
                    {
                        failures.Add($"{url} ({page.Model.Name}): {command.Name}'s key \"{key}\" under prefix {string.Join(" or ", sent.Prefixes.Select(p => $"\"{p}\""))} has no element with id \"{Id(sent.Prefixes[0], key)}\"");
                    }
                }
            }
        }

        output.WriteLine($"Checked {checkedKeys} error keys on the pages that send commands.");
        Assert.True(failures.Count == 0, $"{failures.Count} error keys do not land on an input:\n{string.Join("\n", failures)}");
        Assert.True(checkedKeys > 80, $"only {checkedKeys} keys were checked");
    }

    [Fact]
    public void Every_error_key_an_api_endpoint_can_answer_is_a_field_of_its_body_or_address()
    {
        var named = RefusalKeys.NamedKeys.Read();
        var isService = host.Services.GetRequiredService<IServiceProviderIsService>();
        var failures = new List<string>();
        var checkedKeys = 0;
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            if (!route.StartsWith("/api/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT") != true
                || endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
            {
                continue;
            }

            var body = handler.GetParameters().Select(p => p.ParameterType)
                .FirstOrDefault(t => t.Assembly.GetName().Name!.StartsWith("Phso.", StringComparison.Ordinal) && !t.IsEnum && !isService.IsService(t));
            var fields = new HashSet<string>(endpoint.RoutePattern.Parameters.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            fields.UnionWith(body?.GetProperties().Select(p => p.Name) ?? []);
            fields.UnionWith(handler.GetParameters().Where(p => p.ParameterType == typeof(IFormFile)).Select(p => p.Name!));
            var commands = RefusalKeys.CommandsMadeBy(handler).Concat(body is not null && RefusalKeys.Commands.Value.ContainsValue(body) ? [body] : []).Distinct()
                .Where(c => c.Name != "SubmitComplaint"); // keyed by the answers' own names, which are its body (ComplaintFormTests)
            foreach (var command in commands)
            {
                foreach (var key in RefusalKeys.KeysOf(command, named, host.Services))
                {
                    checkedKeys++;
                    if (!fields.Contains(key.Split('.', '[')[0]))
                    {
                        failures.Add($"{route}: {command.Name} can be refused under \"{key}\", which is not a field of its body ({body?.Name ?? "none"}) or address");
                    }
                }
            }
        }

        output.WriteLine($"Checked {checkedKeys} error keys of the API's commands.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedKeys > 40, $"only {checkedKeys} keys were checked");
    }

    [Fact]
    public void The_keys_a_handler_names_are_found_in_the_compiled_modules()
    {
        // What shows that the scan can see a handler's refusal: keys raised only by handlers (they need the records).
        var named = RefusalKeys.NamedKeys.Read();
        Assert.Contains("PersonId", named[typeof(Phso.Modules.Complaints.Features.WorkCases.AssignCase).FullName!]);
        Assert.Contains("Reason", named[typeof(Phso.Modules.Complaints.Features.WorkCases.DecideCheck).FullName!]);
        Assert.Contains("LineManagerId", named["Phso.Modules.Accounts.Features.ManagePeople.IPersonDetails"]);
        Assert.Contains("LocalAnswers[*].Date", RefusalKeys.KeysOf(typeof(Phso.Modules.Complaints.Features.WorkCases.ChangeFacts), named));

        // And a key that lands nowhere is caught: a note's key under the wrong name.
        var ids = new HashSet<string>(["Input_Text", "Version", "Input_LocalAnswers_3__Date"], StringComparer.Ordinal);
        Assert.False(Lands("Note", "Input", ids));
        Assert.True(Lands("Text", "Input", ids));
        Assert.True(Lands("LocalAnswers[*].Date", "Input", ids));
        Assert.False(Lands("LocalAnswers[*].Answer", "Input", ids));
    }

    private static bool Lands(string key, string prefix, IReadOnlySet<string> ids)
    {
        var id = Id(prefix, key);
        if (!key.Contains("[*]", StringComparison.Ordinal))
        {
            return ids.Contains(id);
        }

        var pattern = new Regex("^" + Regex.Escape(id).Replace("_\\*_", "_\\d+_", StringComparison.Ordinal) + "$");
        return ids.Any(pattern.IsMatch);
    }

    private static string Id(string prefix, string key)
    {
        var name = prefix.Length == 0 ? key : $"{prefix}.{key}";
        return TagBuilder.CreateSanitizedId(name.Replace("[*]", "[STAR]", StringComparison.Ordinal), "_").Replace("_STAR_", "_*_", StringComparison.Ordinal);
    }

    /// <summary>The values a page takes from its address rather than its form: its handlers' parameters, the
    /// record's identity, and what its route holds (a property named for a route parameter: "LessonKey" for {key}).</summary>
    private static Func<string, bool> CarriedByTheRoute(Type model, string route)
    {
        var carried = new HashSet<string>(["Id", "CourseId", "Reference", "Token"], StringComparer.OrdinalIgnoreCase);
        carried.UnionWith(model.GetMethods().Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)).SelectMany(m => m.GetParameters())
            .Where(p => p.ParameterType != typeof(IFormFile)).Select(p => p.Name!));
        carried.UnionWith(model.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true }).Select(p => p.Name));
        var routeValues = RouteParameter().Matches(route).Select(m => m.Groups[1].Value).ToList();
        return key => carried.Contains(key)
            || (key.EndsWith("Id", StringComparison.Ordinal) && carried.Contains(key[..^2]))
            || routeValues.Any(r => key.Equals(r, StringComparison.OrdinalIgnoreCase) || (r.Length > 2 && key.EndsWith(r, StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex("\\{(\\w+)")]
    private static partial Regex RouteParameter();

    private async Task<IReadOnlyList<(string Route, Type Model)>> PagesAsync()
    {
        var loader = host.Services.GetRequiredService<PageLoader>();
        var pages = new List<(string, Type)>();
        foreach (var descriptor in host.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>())
        {
            var compiled = await loader.LoadAsync(descriptor, Microsoft.AspNetCore.Http.EndpointMetadataCollection.Empty);
            if (compiled.ModelTypeInfo is { } model && compiled.HandlerMethods.Any(h => h.HttpMethod == "Post") && descriptor.AttributeRouteInfo?.Template is { } route)
            {
                pages.Add((route, model.AsType()));
            }
        }

        return pages;
    }

    /// <summary>The ids on the page, and the names of its hidden fields, as the first demo user who can see it with a form sees it.</summary>
    private async Task<(IReadOnlySet<string> Ids, IReadOnlySet<string> Hidden)?> ShowAsync(string url, Dictionary<string, HttpClient> browsers)
    {
        foreach (var caller in Callers)
        {
            if (!browsers.TryGetValue(caller, out var browser))
            {
                browsers[caller] = browser = host.CreateBrowser();
                if (caller.Length > 0)
                {
                    await browser.SignInAsync(caller);
                }
            }

            using var response = await browser.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            var shown = response.RequestMessage?.RequestUri?.AbsolutePath == new Uri(new Uri("http://localhost"), url).AbsolutePath;
            if (response.StatusCode == HttpStatusCode.OK && shown && html.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase))
            {
                return (IdAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal),
                    HiddenField().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal));
            }
        }

        return null;
    }

    private static async Task<IEnumerable<string>> StatusesAsync(string url, Dictionary<string, HttpClient> browsers)
    {
        var statuses = new List<string>();
        foreach (var (caller, browser) in browsers)
        {
            using var response = await browser.GetAsync(url);
            statuses.Add($"{(caller.Length == 0 ? "public" : caller)}: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri?.PathAndQuery}");
        }

        return statuses;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
