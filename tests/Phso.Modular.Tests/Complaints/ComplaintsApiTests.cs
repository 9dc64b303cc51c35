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

    /// <summary>The same complaint, as the generated client sends it.</summary>
    internal static Client.ComplaintAnswers ClientComplaint(Guid organisationId, string name = "Grace Adeyemi") => new()
    {
        Who = "myself",
        PersonName = name,
        PersonNation = Client.Nation.England,
        PreferredChannel = Client.ContactChannel.Email,
        Email = "grace.adeyemi@example.com",
        OrganisationId = organisationId,
        WhatHappened = "The ward discharged my father at night with no transport home and no medicines.",
        AwareOn = new Client.DateParts { Day = "2", Month = "10", Year = "2026" },
        Impact = "He was stranded for hours and missed two doses of his heart medicine.",
        OutcomeWanted = "An apology and safer discharge at night.",
        BodyProcedure = Client.BodyProcedure.Finished,
        ComplainedOn = new Client.DateParts { Day = "5", Month = "10", Year = "2026" },
        FinalResponseOn = new Client.DateParts { Day = "2", Month = "11", Year = "2026" },
        LegalRemedy = Client.LegalRemedy.No,
        NeedsAdjustments = false,
    };

    [Fact]
    public async Task Anyone_can_submit_a_complaint_and_gets_its_reference_and_private_link()
    {
        var receipt = await host.CreateBrowser().Api().Api.Complaints.PostAsync(ClientComplaint(await host.OrganisationAsync("Coldharbour Teaching Hospitals")));

        var reference = receipt!.Reference!;
        Assert.Matches("^PSO-\\d{4}-\\d{5}$", reference);
        Assert.StartsWith($"{PhsoFactory.PublicBaseUrl}/my-complaint/", receipt.PrivateLink, StringComparison.Ordinal);
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

        var refused = await Assert.ThrowsAsync<Client.ProblemDetails>(() => client.Api().Api.Complaints.PostAsync(new Client.ComplaintAnswers
        {
            Who = "myself", PersonName = "", AwareOn = new Client.DateParts { Day = "31", Month = "2", Year = "2026" },
        }));

        Assert.Equal(400, refused.ResponseStatusCode);
        Assert.Contains("Enter your full name", Messages(refused, "PersonName"));
        Assert.Contains(Messages(refused, "AwareOn"), m => m.Contains("must be a real date", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync(host));

        // Served as problem details, never a stack trace.
        var response = await client.PostAsJsonAsync("/api/complaints", new { who = "myself", personName = "" });
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_works_a_case_through_the_api_and_a_stale_version_or_an_illegal_move_is_refused_with_409()
    {
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        var created = await host.CreateBrowser().Api().Api.Complaints.PostAsync(ClientComplaint(await host.OrganisationAsync("Coldharbour Teaching Hospitals"), "Ivan Petrov"));
        var reference = created!.Reference!;

        // Through the client generated from the API's description, as an organisation's system would.
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

        var views = lead.Api().Api.Partner.ProvisionalViews;
        var listed = (await views.GetAsync())!.Select(v => v.Reference).ToList();
        Assert.Contains(own, listed);
        Assert.DoesNotContain(other, listed);
        var shared = await views[own].GetAsync();
        Assert.Equal("Coldharbour Teaching Hospitals NHS Trust", shared!.BodyName);
        Assert.True(shared.StillOpen);
        Assert.False(string.IsNullOrWhiteSpace(shared.ProvisionalViewMarkdown));
        Assert.Equal(404, (await Assert.ThrowsAsync<Client.ProblemDetails>(() => views[other].GetAsync())).ResponseStatusCode);
        var comment = await Assert.ThrowsAsync<Client.ProblemDetails>(() => views[other].Comments.PostAsync(new Client.OrganisationComment { Comment = "Not ours to comment on." }));
        Assert.Equal(404, comment.ResponseStatusCode);
        Assert.Null((await host.CaseAsync(other)).Complaint.BodyComment);

        // An empty comment is refused under the body's own field.
        var empty = await Assert.ThrowsAsync<Client.ProblemDetails>(() => views[own].Comments.PostAsync(new Client.OrganisationComment { Comment = " " }));
        Assert.Equal(400, empty.ResponseStatusCode);
        Assert.Equal(["Enter your comments on the provisional view"], Messages(empty, "Comment"));

        // And none of the caseworkers' API.
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/api/cases/{own}")).StatusCode);
    }

    [Fact]
    public async Task The_queue_counts_a_new_case_and_a_case_that_moved_on_at_once_although_its_counts_are_kept()
    {
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        var received = await CountAsync(host, CaseStage.Received);
        Assert.Equal(received, await CountAsync(host, CaseStage.Received));

        var created = await host.CreateBrowser().Api().Api.Complaints.PostAsync(ClientComplaint(await host.OrganisationAsync("Coldharbour Teaching Hospitals"), "Nadia Brook"));
        Assert.Equal(received + 1, await CountAsync(host, CaseStage.Received));

        var api = caseworker.Api().Api.Cases[created!.Reference!];
        await api.StartChecks.PostAsync(new Client.StartChecks { Version = (await api.GetAsync())!.Version });
        Assert.Equal(received, await CountAsync(host, CaseStage.Received));
    }

    private static List<string> Messages(Client.ProblemDetails problem, string field) =>
        [.. Assert.IsType<Microsoft.Kiota.Abstractions.Serialization.UntypedArray>(problem.Errors!.AdditionalData[field]).GetValue()
            .OfType<Microsoft.Kiota.Abstractions.Serialization.UntypedString>().Select(m => m.GetValue()!)];

    private static async Task<int> CountAsync(PhsoFactory host, CaseStage? stage = null)
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListCases(Stage: stage, IncludeEnded: true, PageSize: 1))).Total;
    }
}
