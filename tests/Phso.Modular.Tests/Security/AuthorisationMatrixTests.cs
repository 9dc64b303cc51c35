using System.Net;
using System.Text;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.DemoData;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Organisations.Contracts;

namespace Phso.Modular.Tests.Security;

/// <summary>
/// Every endpoint the host maps (Razor pages and API) must name an authorisation policy or be explicitly anonymous,
/// must have a row in this table, and must let in exactly the roles its row says. A new endpoint without a policy, or
/// without a row, fails the build.
/// </summary>
[Collection(DemoHostCollection.Name)]
public sealed class AuthorisationMatrixTests(PhsoFactory host)
{
    private const string Anonymous = "(nobody signed in)";

    /// <summary>API changes are tried on a case that does not exist: access is decided before the case is looked up,
    /// and the demo cases other tests read stay as they are.</summary>
    private const string NoSuchCase = "PSO-1900-00001";

    /// <summary>The demo complaint-handling course's diagram, so that the image route answers 200 where allowed.</summary>
    private static readonly string DemoImageHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        Phso.Modular.Tests.Training.Packages.Demo("handling-complaints-well")["images/four-expectations.png"]));

    private static readonly string[] Everyone = [Anonymous, .. Accounts.Keys];
    private static readonly string[] SignedIn = [.. Accounts.Keys];
    private static readonly string[] Staff = ["Admin", "Caseworker", "Publisher", "Manager", "Coach", "EdiLead", "Staff"];
    private static readonly string[] AdminOnly = ["Admin"];
    private static readonly string[] RegisterOrganisations = ["Admin", "Caseworker"];
    private static readonly string[] Managers = ["Admin", "Manager"];
    private static readonly string[] PartnerLeads = ["PartnerLead"];
    private static readonly string[] ReadCasework = ["Admin", "Caseworker", "Manager"];
    private static readonly string[] WorkCases = ["Caseworker"];
    private static readonly string[] PartnerPeople = ["PartnerLead", "PartnerHandler"];
    private static readonly string[] SeniorManagers = ["Manager"];

    private static IReadOnlyDictionary<string, string> Accounts => new Dictionary<string, string>
    {
        ["Admin"] = Demo.Admin,
        ["Caseworker"] = Demo.Caseworker,
        ["Publisher"] = Demo.Publisher,
        ["Manager"] = Demo.Manager,
        ["Coach"] = Demo.Coach,
        ["EdiLead"] = Demo.EdiLead,
        ["Staff"] = Demo.Staff,
        ["PartnerLead"] = Demo.PartnerLead,
        ["PartnerHandler"] = Demo.PartnerHandler,
    };

    /// <summary>Method (null for a page, which answers any method), route template, and who may use it.</summary>
    private static readonly (string? Method, string Route, string[] Allowed)[] Matrix =
    [
        (null, "", Everyone),
        (null, "accessibility", Everyone),
        (null, "cookies", Everyone),
        (null, "error/{code:int?}", Everyone),
        (null, "health", Everyone),
        (null, "health/live", Everyone),
        (null, "health/ready", Everyone),
        ("GET", "openapi/{documentName}.json", Everyone),
        (null, "learning", SignedIn),
        (null, "learning/catalogue", SignedIn),
        (null, "learning/courses/{id:guid}", SignedIn),
        (null, "learning/courses/{id:guid}/lessons/{key}", SignedIn),
        (null, "learning/courses/{id:guid}/quiz", SignedIn),
        (null, "learning/courses/{id:guid}/quiz/attempts/{number:int}", SignedIn),
        (null, "learning/certificates/{code}", SignedIn),
        (null, "learning/images/{sha256}", SignedIn),
        (null, "verify-certificate", Everyone),
        (null, "learning/team", ["Manager"]),
        (null, "learning/organisation", PartnerLeads),
        (null, "training/assign", Managers),
        (null, "training/courses/{id:guid}/report", AdminOnly),
        (null, "training/certificates", AdminOnly),
        (null, "training/courses", AdminOnly),
        (null, "training/courses/import", AdminOnly),
        (null, "training/courses/{id:guid}", AdminOnly),
        (null, "training/courses/{id:guid}/draft/details", AdminOnly),
        (null, "admin/plugins", AdminOnly),
        (null, "admin/plugins/{id}", AdminOnly),
        (null, "admin/plugins/{id}/disable", AdminOnly),
        (null, "admin/plugins/{id}/uninstall", AdminOnly),
        (null, "training/courses/{id:guid}/draft/lessons/{key?}", AdminOnly),
        ("POST", "api/complaints", Everyone),
        ("GET", "api/complaints/questions", Everyone),
        ("GET", "api/cases/", ReadCasework),
        ("GET", "api/cases/timeliness", Managers),
        ("GET", "api/cases/{reference}", ReadCasework),
        ("POST", "api/cases/{reference}/documents", WorkCases),
        ("GET", "api/partner/provisional-views/", PartnerLeads),
        ("GET", "api/partner/provisional-views/{reference}", PartnerLeads),
        ("POST", "api/partner/provisional-views/{reference}/comments", PartnerLeads),
        (null, "account/sign-in", Everyone),
        (null, "account/sign-out", Everyone),
        (null, "account/forgot-password", Everyone),
        (null, "account/set-password", Everyone),
        (null, "complain", Everyone),
        (null, "complain/who", Everyone),
        (null, "complain/representative", Everyone),
        (null, "complain/person", Everyone),
        (null, "complain/contact", Everyone),
        (null, "complain/organisation", Everyone),
        (null, "complain/what-happened", Everyone),
        (null, "complain/when-aware", Everyone),
        (null, "complain/impact", Everyone),
        (null, "complain/outcome", Everyone),
        (null, "complain/organisation-complaint", Everyone),
        (null, "complain/local-questions", Everyone),
        (null, "complain/mp", Everyone),
        (null, "complain/legal", Everyone),
        (null, "complain/adjustments", Everyone),
        (null, "complain/evidence", Everyone),
        (null, "complain/check", Everyone),
        (null, "complain/confirmation", Everyone),
        (null, "cases", ReadCasework),
        (null, "cases/{reference}", ReadCasework),
        (null, "cases/timeliness", Managers),
        (null, "cases/local-standards/{organisationId:guid}", ReadCasework),
        (null, "cases/{reference}/documents/{id:guid}", ReadCasework),
        (null, "cases/{reference}/audit-trail", ReadCasework),
        (null, "cases/{reference}/assign", WorkCases),
        (null, "cases/{reference}/body-comment", WorkCases),
        (null, "cases/{reference}/checks", WorkCases),
        (null, "cases/{reference}/checks/{check}", WorkCases),
        (null, "cases/{reference}/close", WorkCases),
        (null, "cases/{reference}/complete-checks", WorkCases),
        (null, "cases/{reference}/decision", WorkCases),
        (null, "cases/{reference}/decline", WorkCases),
        (null, "cases/{reference}/facts", WorkCases),
        (null, "cases/{reference}/link", WorkCases),
        (null, "cases/{reference}/link-body", WorkCases),
        (null, "cases/{reference}/message", WorkCases),
        (null, "cases/{reference}/documents/new", WorkCases),
        (null, "cases/{reference}/note", WorkCases),
        (null, "cases/{reference}/priority", WorkCases),
        (null, "cases/{reference}/provisional-view", WorkCases),
        (null, "cases/{reference}/resolve", WorkCases),
        (null, "cases/{reference}/review-outcome", WorkCases),
        (null, "cases/{reference}/route", WorkCases),
        (null, "cases/{reference}/start-checks", WorkCases),
        (null, "cases/{reference}/withdraw", WorkCases),
        (null, "my-complaint/{token}", Everyone),
        (null, "my-complaint/{token}/message", Everyone),
        (null, "my-complaint/{token}/provisional-view", Everyone),
        (null, "my-complaint/{token}/review", Everyone),
        (null, "my-complaint/{token}/withdraw", Everyone),
        (null, "my-complaint/{token}/documents/{id:guid}", Everyone),
        (null, "cases/{reference}/recommendations", ReadCasework),
        (null, "recommendations", ReadCasework),
        (null, "recommendations/{id:guid}", ReadCasework),
        (null, "recommendations/{id:guid}/files/{fileId:guid}", ReadCasework),
        (null, "recommendations/{id:guid}/accept-evidence", WorkCases),
        (null, "recommendations/{id:guid}/more-evidence", WorkCases),
        (null, "recommendations/{id:guid}/alternative", WorkCases),
        (null, "recommendations/{id:guid}/not-complied", WorkCases),
        (null, "recommendations/{id:guid}/withdraw", WorkCases),
        (null, "recommendations/escalated", ReadCasework),
        (null, "recommendations/compliance", ReadCasework),
        (null, "recommendations/compliance/letter", ReadCasework),
        (null, "recommendations/{id:guid}/public-report", SeniorManagers),
        (null, "partner/recommendations", PartnerPeople),
        (null, "partner/recommendations/{id:guid}", PartnerPeople),
        (null, "partner/recommendations/{id:guid}/files/{fileId:guid}", PartnerPeople),
        (null, "partner/recommendations/{id:guid}/accept", PartnerPeople),
        (null, "partner/recommendations/{id:guid}/refuse", PartnerPeople),
        (null, "partner/recommendations/{id:guid}/evidence", PartnerPeople),
        ("GET", "api/cases/{reference}/recommendations/", ReadCasework),
        ("POST", "api/cases/{reference}/recommendations/", WorkCases),
        ("POST", "api/cases/{reference}/recommendations/issue", WorkCases),
        ("GET", "api/recommendations/", ReadCasework),
        ("GET", "api/recommendations/{id:guid}", ReadCasework),
        ("POST", "api/recommendations/{id:guid}/alternative", WorkCases),
        ("POST", "api/recommendations/{id:guid}/more-evidence", WorkCases),
        ("POST", "api/recommendations/{id:guid}/accept-evidence", WorkCases),
        ("POST", "api/recommendations/{id:guid}/not-complied", WorkCases),
        ("POST", "api/recommendations/{id:guid}/withdraw", WorkCases),
        ("POST", "api/recommendations/{id:guid}/public-report", SeniorManagers),
        ("GET", "api/partner/recommendations/", PartnerPeople),
        ("GET", "api/partner/recommendations/{id:guid}", PartnerPeople),
        ("POST", "api/partner/recommendations/{id:guid}/accept", PartnerPeople),
        ("POST", "api/partner/recommendations/{id:guid}/refuse", PartnerPeople),
        ("POST", "api/partner/recommendations/{id:guid}/evidence", PartnerPeople),
        (null, "partner/provisional-views", PartnerLeads),
        (null, "partner/provisional-views/{reference}", PartnerLeads),
        (null, "account", SignedIn),
        (null, "account/password", SignedIn),
        (null, "notifications", SignedIn),
        (null, "organisations", Staff),
        (null, "organisations/{id:guid}", Staff),
        (null, "organisations/new", RegisterOrganisations),
        (null, "organisations/{id:guid}/edit", AdminOnly),
        (null, "organisations/{id:guid}/close", AdminOnly),
        (null, "organisations/{id:guid}/reopen", AdminOnly),
        (null, "admin/people", AdminOnly),
        (null, "admin/people/new", AdminOnly),
        (null, "admin/people/{id:guid}", AdminOnly),
        (null, "admin/people/{id:guid}/edit", AdminOnly),
        (null, "admin/people/{id:guid}/deactivate", AdminOnly),
        (null, "admin/teams", AdminOnly),
        (null, "admin/teams/{id:guid}", AdminOnly),
        (null, "admin/integration-events", AdminOnly),
        ("POST", "api/cases/{reference}/start-checks", WorkCases),
        ("POST", "api/cases/{reference}/checks", WorkCases),
        ("POST", "api/cases/{reference}/complete-checks", WorkCases),
        ("POST", "api/cases/{reference}/facts", WorkCases),
        ("POST", "api/cases/{reference}/link-body", WorkCases),
        ("POST", "api/cases/{reference}/route", WorkCases),
        ("POST", "api/cases/{reference}/resolve", WorkCases),
        ("POST", "api/cases/{reference}/provisional-view", WorkCases),
        ("POST", "api/cases/{reference}/body-comment", WorkCases),
        ("POST", "api/cases/{reference}/decision", WorkCases),
        ("POST", "api/cases/{reference}/close", WorkCases),
        ("POST", "api/cases/{reference}/decline", WorkCases),
        ("POST", "api/cases/{reference}/withdraw", WorkCases),
        ("POST", "api/cases/{reference}/review-outcome", WorkCases),
        ("POST", "api/cases/{reference}/assign", WorkCases),
        ("POST", "api/cases/{reference}/priority", WorkCases),
        ("POST", "api/cases/{reference}/notes", WorkCases),
        ("POST", "api/cases/{reference}/messages", WorkCases),
        ("POST", "api/cases/{reference}/link", WorkCases),
        ("POST", "api/cases/{reference}/link/revoke", WorkCases),
        ("GET", "api/organisations/", Staff),
        ("GET", "api/organisations/{id:guid}", Staff),
        ("POST", "api/organisations/", RegisterOrganisations),
        ("PUT", "api/organisations/{id:guid}", AdminOnly),
        ("POST", "api/organisations/{id:guid}/close", AdminOnly),
        ("POST", "api/organisations/{id:guid}/reopen", AdminOnly),
    ];

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        var unprotected = Unprotected(Endpoints());
        Assert.True(unprotected.Count == 0, "These endpoints name no policy and are not marked anonymous:\n" + string.Join("\n", unprotected));
    }

    [Fact]
    public void The_policy_check_reports_an_endpoint_without_a_policy_by_its_route()
    {
        var bare = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/forgotten"), 0, EndpointMetadataCollection.Empty, "forgotten");
        var unnamed = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/unnamed"), 0, new EndpointMetadataCollection(new AuthorizeAttribute()), "unnamed");
        var named = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/named"), 0, new EndpointMetadataCollection(new AuthorizeAttribute("Admin")), "named");
        Assert.Equal(["PAGE /forgotten", "PAGE /unnamed"], Unprotected([(null, "forgotten", bare), (null, "unnamed", unnamed), (null, "named", named)]));
    }

    [Fact]
    public async Task The_access_check_reports_a_role_let_in_or_kept_out_against_the_matrix()
    {
        var wrong = new[] { ((string?)null, "admin/teams", new[] { "Admin", "Staff" }), ((string?)null, "cookies", SignedIn) };
        var failures = await CheckAccessAsync(wrong, ["Staff", Anonymous]);
        Assert.Contains("Staff: GET /admin/teams answered 403 but should be allowed", failures);
        Assert.Contains($"{Anonymous}: GET /cookies answered 200 but should be refused", failures);
    }

    private static List<string> Unprotected(IEnumerable<(string? Method, string Route, Endpoint Endpoint)> endpoints) =>
        endpoints
            .Where(e => !e.Endpoint.Metadata.OfType<IAllowAnonymous>().Any() && !e.Endpoint.Metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => $"{e.Method ?? "PAGE"} /{e.Route}")
            .ToList();

    [Fact]
    public void Every_endpoint_has_a_row_in_the_matrix_and_every_row_an_endpoint()
    {
        var mapped = Endpoints().Select(e => (e.Method, e.Route)).ToHashSet();
        var listed = Matrix.Select(r => (r.Method, r.Route)).ToHashSet();
        var missing = mapped.Except(listed).Select(e => $"{e.Method ?? "PAGE"} /{e.Route}").ToList();
        var stale = listed.Except(mapped).Select(e => $"{e.Method ?? "PAGE"} /{e.Route}").ToList();
        Assert.True(missing.Count == 0, "Add these endpoints to the matrix with the roles that may use them:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "These rows match no endpoint any more:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Each_role_gets_in_exactly_where_the_matrix_says_and_is_refused_everywhere_else()
    {
        var failures = await CheckAccessAsync(Matrix, Everyone);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<List<string>> CheckAccessAsync(IEnumerable<(string? Method, string Route, string[] Allowed)> matrix, IEnumerable<string> roles)
    {
        var samples = await SampleIdsAsync();
        var reference = await host.DemoCaseAsync(CaseStage.ProvisionalView, "Coldharbour");
        var failures = new List<string>();
        foreach (var role in roles)
        {
            var client = host.CreateBrowser();
            if (role != Anonymous)
            {
                await client.SignInAsync(Accounts[role]);
            }

            foreach (var (method, route, allowed) in matrix)
            {
                var url = "/" + route.Replace("{id:guid}", samples(route), StringComparison.Ordinal).Replace("{code:int?}", "404", StringComparison.Ordinal)
                    .Replace("{reference}", method is "POST" or "PUT" ? NoSuchCase : reference, StringComparison.Ordinal).Replace("{token}", DemoCases.ProvisionalViewToken, StringComparison.Ordinal)
                    .Replace("{check}", "InTime", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal)
                    .Replace("{key}", "equality-act", StringComparison.Ordinal).Replace("{key?}", "equality-act", StringComparison.Ordinal).Replace("{number:int}", "1", StringComparison.Ordinal).Replace("{code}", "AAAA-BBBB-CCCC", StringComparison.Ordinal)
                    .Replace("{sha256}", DemoImageHash, StringComparison.Ordinal).Replace("{organisationId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
                    .Replace("{fileId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal);
                // A segment limited to a list of words ({action:regex(^(accept|refuse)$)}) takes the first word.
                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[a-z]+:regex\(\^\(([a-z-]+)[^}]*\}", m => m.Groups[1].Value);
                using var request = new HttpRequestMessage(new HttpMethod(method ?? "GET"), url);
                if (method is "POST" or "PUT")
                {
                    // Uploads take a form (the route answers 415 to anything else, before access is checked).
                    request.Content = route.EndsWith("/documents", StringComparison.Ordinal)
                        ? new MultipartFormDataContent { { new StringContent(""), "note" } }
                        : new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true);
                var shouldBeAllowed = allowed.Contains(role);
                if (shouldBeAllowed == refused)
                {
                    failures.Add($"{role}: {method ?? "GET"} {url} answered {(int)response.StatusCode} but should be {(shouldBeAllowed ? "allowed" : "refused")}");
                }
                else if (refused && role != Anonymous && response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{role}: {method ?? "GET"} {url} refused with {(int)response.StatusCode}; a signed-in person should get 403");
                }
                else if (refused && role == Anonymous && route.StartsWith("api/", StringComparison.Ordinal) && response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{role}: {method} {url} refused with {(int)response.StatusCode}; the API should answer 401, not redirect");
                }
            }
        }

        return failures;
    }

    private IEnumerable<(string? Method, string Route, Endpoint Endpoint)> Endpoints() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var route = e.RoutePattern.RawText?.TrimStart('/') ?? "";
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
                return methods is null or { Count: 0 }
                    ? [(null as string, route, (Endpoint)e)]
                    : methods.Select(m => ((string?)m, route, (Endpoint)e));
            })
            .Distinct();

    private async Task<Func<string, string>> SampleIdsAsync()
    {
        await using var scope = host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var organisation = (await mediator.Send(new FindOrganisations("Northmoor Hospitals"))).Items[0].Id.ToString();
        var person = (await mediator.Send(new FindPeople())).First(p => p.Email == Demo.Staff).Id.ToString();
        var team = (await mediator.Send(new GetTeams()))[0].Id.ToString();
        var course = (await mediator.Send(new Phso.Modules.Training.Features.Authoring.ListCourses()))[0].Id.ToString();
        return route => route switch
        {
            _ when route.Contains("courses", StringComparison.Ordinal) => course,
            _ when route.Contains("people", StringComparison.Ordinal) => person,
            _ when route.Contains("teams", StringComparison.Ordinal) => team,
            _ => organisation,
        };
    }
}
