using System.Net;
using System.Net.Http.Json;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.DemoData;
using Phso.Modules.Complaints.Domain;

namespace Phso.Modular.Tests.Recommendations;

/// <summary>What other parties see of recommendations on complaints' pages: the complainant their own individual
/// ones through the private link, and the caseworker of a new case the body's past systemic ones done.</summary>
[Collection(DemoHostCollection.Name)]
public sealed class RecommendationsOnCasesTests(PhsoFactory host)
{
    [Fact]
    public async Task The_complainant_sees_what_the_body_was_asked_to_do_for_them_and_where_it_is_but_not_the_systemic_ones()
    {
        var page = await host.CreateBrowser().GetPageAsync($"/my-complaint/{DemoCases.DecidedToken}");
        Assert.Contains("What we asked Kingsbridge Ambulance Service NHS Trust to do for you", page, StringComparison.Ordinal);
        Assert.Contains("Apologise to Mrs Haddad", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("We have asked the organisation to do this", page, StringComparison.Ordinal);
        Assert.DoesNotContain("trained to triage head injuries", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_case_about_a_body_lists_its_systemic_recommendations_complied_with_so_a_failing_that_came_back_is_seen()
    {
        var decided = await host.DemoCaseAsync(CaseStage.Closed, "Coldharbour");
        var open = await host.DemoCaseAsync(CaseStage.ProvisionalView, "Coldharbour");
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        const string text = "Check every night that pain relief prescribed was given, and audit it monthly.";
        Assert.DoesNotContain(text, await caseworker.GetPageAsync($"/cases/{open}"), StringComparison.Ordinal);

        var created = await caseworker.PostAsJsonAsync($"/api/cases/{decided}/recommendations/",
            new { kind = "Systemic", category = "ProcedureChanged", text, evidenceExpected = "Three months of audits.", dueBy = "WorkingDays", workingDays = 200 });
        var draft = (await created.Content.ReadFromJsonAsync<IdAndVersion>())!;
        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsJsonAsync($"/api/cases/{decided}/recommendations/issue", new { drafts = new[] { new { id = draft.Id, version = draft.Version } } })).StatusCode);
        var lead = host.CreateBrowser();
        await lead.SignInAsync(Demo.PartnerLead);
        var accepted = await lead.PostAsJsonAsync($"/api/partner/recommendations/{draft.Id}/accept", new { version = draft.Version + 1 });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/partner/recommendations/{draft.Id}/evidence", new { version = draft.Version + 2, description = "The first audit." })).StatusCode);
        Assert.DoesNotContain(text, await caseworker.GetPageAsync($"/cases/{open}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsJsonAsync($"/api/recommendations/{draft.Id}/accept-evidence", new { version = draft.Version + 3 })).StatusCode);

        var page = await caseworker.GetPageAsync($"/cases/{open}");
        Assert.Contains("Has this happened before?", page, StringComparison.Ordinal);
        Assert.Contains(text, page, StringComparison.Ordinal);
    }

    private sealed record IdAndVersion(Guid Id, int Version);
}
