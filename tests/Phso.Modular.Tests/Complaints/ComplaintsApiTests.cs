using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.ApiClient;
using Phso.Modular.Tests.Infrastructure;
using Client = Phso.Modular.Tests.ApiClient.Models;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.ReadCases;

namespace Phso.Modular.Tests.Complaints;

/// <summary>The JSON API: the same commands as the pages, so the same rules and refusals, as problem details.</summary>
[Collection(DemoHostCollection.Name)]
public sealed class ComplaintsApiTests(PhsoFactory host)
{
    internal static object Complaint(Guid organisationId, string name = "Grace Adeyemi") => new
    {
        who = "myself",
        personName = name,
        personNation = "England",
        preferredChannel = "Email",
        email = "grace.adeyemi@example.com",
        organisationId,
        whatHappened = "The ward discharged my father at night with no transport home and no medicines.",
        awareOn = new { day = "2", month = "10", year = "2026" },
        impact = "He was stranded for hours and missed two doses of his heart medicine.",
        outcomeWanted = "An apology and safer discharge at night.",
        bodyProcedure = "Finished",
        complainedOn = new { day = "5", month = "10", year = "2026" },
        finalResponseOn = new { day = "2", month = "11", year = "2026" },
        legalRemedy = "No",
        needsAdjustments = false,
    };

    [Fact]
    public async Task Anyone_can_submit_a_complaint_and_gets_its_reference_and_private_link()
    {
        var response = await host.CreateBrowser().PostAsJsonAsync("/api/complaints", Complaint(await host.OrganisationAsync("Coldharbour Teaching Hospitals")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reference = body.RootElement.GetProperty("reference").GetString()!;
        Assert.Matches("^PSO-\\d{4}-\\d{5}$", reference);
        Assert.StartsWith("/my-complaint/", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var view = await host.CaseAsync(reference);
        Assert.Equal(CaseStage.Received, view.Complaint.Stage);
        Assert.Equal("Grace Adeyemi", view.Complaint.Person.Name);
        Assert.Contains(view.Eligibility, e => e.Check == EligibilityCheck.InTime && e.Outcome == CheckOutcome.Met);
    }

    [Fact]
    public async Task A_complaint_with_missing_answers_is_refused_naming_each_one_and_nothing_is_saved()
    {
        var client = host.CreateBrowser();
        var before = await CountAsync(host);

        var response = await client.PostAsJsonAsync("/api/complaints", new { who = "myself", personName = "", awareOn = new { day = "31", month = "2", year = "2026" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your full name", text, StringComparison.Ordinal);
        Assert.Contains("must be a real date", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(host));
    }

    [Fact]
    public async Task A_caseworker_works_a_case_through_the_api_and_a_stale_version_or_an_illegal_move_is_refused_with_409()
    {
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        var created = await host.CreateBrowser().PostAsJsonAsync("/api/complaints", Complaint(await host.OrganisationAsync("Coldharbour Teaching Hospitals"), "Ivan Petrov"));
        using var createdBody = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var reference = createdBody.RootElement.GetProperty("reference").GetString()!;

        // From here through the client generated from the API's description, as an organisation's system would.
        var api = caseworker.Api().Api.Cases[reference];
        var read = await api.GetAsync();
        var version = read!.Version!.Value;
        Assert.Equal(Client.CaseStage.Received, read.Stage);
        Assert.Contains(Client.CaseResource_nextStages.Checks, read.NextStages!.Select(s => s!.Value));
        Assert.Contains(Client.CaseResource_actions.StartChecks, read.Actions!.Select(a => a!.Value));
        var json = await caseworker.GetStringAsync(new Uri($"/api/cases/{reference}", UriKind.Relative));
        Assert.DoesNotContain("tokenHash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("storedPath", json, StringComparison.OrdinalIgnoreCase);

        var started = await api.StartChecks.PostAsync(new Client.StartChecks { Version = version });
        Assert.Equal(Client.CaseStage.Checks, started!.Stage);

        // The same version again: someone else changed the case since it was read.
        var stale = await Assert.ThrowsAsync<Client.ProblemDetails>(() => api.Route.PostAsync(new Client.ChooseRoute { Version = version, Route = Client.CaseStage.Investigation, Reason = "Needs advice." }));
        Assert.Equal(409, stale.ResponseStatusCode);

        // An illegal move: checks must be completed before a route is chosen.
        var illegal = await Assert.ThrowsAsync<Client.ProblemDetails>(() => api.Route.PostAsync(new Client.ChooseRoute { Version = started.Version, Route = Client.CaseStage.Investigation, Reason = "Needs advice." }));
        Assert.Equal(409, illegal.ResponseStatusCode);
        Assert.Contains("preliminary checks", $"{illegal.Title} {illegal.Detail}", StringComparison.Ordinal);
        Assert.Equal(CaseStage.Checks, (await host.CaseAsync(reference)).Complaint.Stage);

        var missing = await Assert.ThrowsAsync<Client.ProblemDetails>(() => caseworker.Api().Api.Cases["PSO-1999-99999"].StartChecks.PostAsync(new Client.StartChecks { Version = 1 }));
        Assert.Equal(404, missing.ResponseStatusCode);
    }

    [Fact]
    public async Task A_partner_lead_reads_only_provisional_views_shared_with_their_own_organisation()
    {
        var lead = host.CreateBrowser();
        await lead.SignInAsync(Demo.PartnerLead);
        var own = await host.DemoCaseAsync(CaseStage.ProvisionalView, "Coldharbour");
        var other = await host.DemoCaseAsync(CaseStage.ProvisionalView, "Eastfield");

        using var list = JsonDocument.Parse(await lead.GetStringAsync("/api/partner/provisional-views"));
        var listed = list.RootElement.GetRawText();
        Assert.Contains(own, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(other, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/partner/provisional-views/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/partner/provisional-views/{other}")).StatusCode);
        var comment = await lead.PostAsJsonAsync($"/api/partner/provisional-views/{other}/comments", new { comment = "Not ours to comment on." });
        Assert.Equal(HttpStatusCode.NotFound, comment.StatusCode);
        Assert.Null((await host.CaseAsync(other)).Complaint.BodyComment);

        // And none of the caseworkers' API.
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/api/cases/{own}")).StatusCode);
    }

    private static async Task<int> CountAsync(PhsoFactory host)
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListCases(IncludeEnded: true, PageSize: 1))).Total;
    }
}
