using System.Net;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;

namespace Phso.Modular.Tests.Complaints;

/// <summary>A complaint from the public form to a final decision and a review, through the pages each person uses:
/// the complainant (form and private link), the caseworker, and the organisation's partner lead.</summary>
[Collection(DemoHostCollection.Name)]
public sealed class CaseworkJourneyTests(PhsoFactory host)
{
    [Fact]
    public async Task A_complaint_goes_from_the_form_to_a_decision_and_a_review_with_each_party_told_at_each_step()
    {
        var complainant = host.CreateBrowser();
        var submitted = await complainant.SubmitNhsComplaintAsync(await host.OrganisationAsync("Coldharbour Teaching Hospitals"), name: "Dora Whitfield", email: "dora.whitfield@example.com");
        var reference = submitted.Reference;
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        Assert.Contains(reference, await caseworker.GetPageAsync("/cases?assigned=unassigned&sort=Newest"), StringComparison.Ordinal);

        await caseworker.ActAsync(reference, "assign", ("Input.PersonId", (await host.PersonAsync(Demo.Caseworker)).ToString()));
        await caseworker.ActAsync(reference, "message", ("Input.Text", "Thank you for your complaint. I am Tom, your caseworker."));
        var acknowledged = await host.CaseAsync(reference);
        Assert.Equal(ClockState.Met, acknowledged.Complaint.Clocks.Single(c => c.Kind == ClockKind.Acknowledgement).State);
        Assert.Contains(acknowledged.Complaint.Clocks, c => c.Kind == ClockKind.Update && c.IsRunning);

        await caseworker.ActAsync(reference, "start-checks");
        var (status, page) = await caseworker.RefusedAsync(reference, "checks/Injustice", ("Input.Met", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Give the reason for your decision: the engine could not decide this check", page, StringComparison.Ordinal);
        Assert.Contains("value=\"true\" checked", page, StringComparison.Ordinal);

        (status, page) = await caseworker.RefusedAsync(reference, "complete-checks");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Record a decision on every check first", page, StringComparison.Ordinal);

        foreach (var check in Enum.GetValues<EligibilityCheck>())
        {
            await caseworker.ActAsync(reference, $"checks/{check}", ("Input.Met", "true"), ("Input.Reason", check == EligibilityCheck.Injustice ? "Hours without pain relief is a service failure." : ""));
        }

        await caseworker.ActAsync(reference, "complete-checks");
        await caseworker.ActAsync(reference, "route", ("Input.Route", "Investigation"), ("Input.Reason", "Clinical advice needed."));
        var due = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(21);
        await caseworker.ActAsync(reference, "provisional-view", [("Input.ProvisionalView", "## Our provisional view\n\nWe are minded to **uphold** this complaint."), .. Casework.Date("Input.CommentsDueOn", due)]);

        await host.FlushAsync();
        var emails = host.EmailsTo("dora.whitfield@example.com").Select(e => e.Subject).ToList();
        Assert.Contains($"A message about your complaint {reference}", emails);
        Assert.Contains($"Your complaint {reference}: we can look at it", emails);
        Assert.Contains($"Your complaint {reference}: our provisional view", emails);

        // The complainant comments through their private link.
        Assert.Contains("Our provisional view is ready", await complainant.GetPageAsync(submitted.Link), StringComparison.Ordinal);
        var commented = await complainant.SubmitAsync($"{submitted.Link}/provisional-view", ("Input.Comment", "The view is right. She also waited for a bed for a day."));
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);

        // The decision stays locked while the organisation has not answered, and the findings typed are kept.
        (status, page) = await caseworker.RefusedAsync(reference, "decision", ("Input.Outcome", "Upheld"), ("Input.Findings", "Upheld: the trust failed to give pain relief."));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Still waiting for: Coldharbour Teaching Hospitals NHS Trust", page, StringComparison.Ordinal);
        Assert.Contains("Upheld: the trust failed to give pain relief.", page, StringComparison.Ordinal);

        // The organisation's partner lead was told, reads the view and comments; the caseworker is told.
        var lead = host.CreateBrowser();
        await lead.SignInAsync(Demo.PartnerLead);
        Assert.Contains($"Provisional view on case {reference}", await lead.GetPageAsync("/notifications"), StringComparison.Ordinal);
        Assert.Contains(reference, await lead.GetPageAsync("/partner/provisional-views"), StringComparison.Ordinal);
        var leadComment = await lead.SubmitAsync($"/partner/provisional-views/{reference}", ("Input.Comment", "We accept the findings and will act on them."));
        Assert.Equal(HttpStatusCode.Redirect, leadComment.StatusCode);
        Assert.DoesNotContain("Send comments", await lead.GetPageAsync($"/partner/provisional-views/{reference}"), StringComparison.Ordinal);
        await host.FlushAsync();
        Assert.Contains($"Case {reference}: the organisation commented", await caseworker.GetPageAsync("/notifications"), StringComparison.Ordinal);

        await caseworker.ActAsync(reference, "decision", ("Input.Outcome", "Upheld"), ("Input.Findings", "## Our decision\n\nWe **uphold** this complaint."));
        await host.FlushAsync();
        var decided = Assert.Single(host.Received.Of<ComplaintDecided>(), e => e.Reference == reference);
        Assert.Equal(ComplaintOutcome.Upheld, decided.Outcome);
        Assert.Equal("Coldharbour Teaching Hospitals NHS Trust", decided.BodyName);
        var decisionEmail = host.EmailsTo("dora.whitfield@example.com")[^1];
        Assert.Equal($"Your complaint {reference}: our final decision", decisionEmail.Subject);
        Assert.Contains("judicial review", decisionEmail.Body, StringComparison.Ordinal);

        // The complainant reads the decision and asks for a review; the caseworker records that the decision stands.
        var decisionPage = await complainant.GetPageAsync(submitted.Link);
        Assert.Contains("<strong>uphold</strong>", decisionPage, StringComparison.Ordinal);
        Assert.Contains("Ask for a review", decisionPage, StringComparison.Ordinal);
        var noGrounds = await complainant.SubmitAsync($"{submitted.Link}/review", ("Input.Explanation", "I disagree."));
        Assert.Equal(HttpStatusCode.BadRequest, noGrounds.StatusCode);
        Assert.Contains("I disagree.", await noGrounds.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var review = await complainant.SubmitAsync($"{submitted.Link}/review", ("Input.Grounds", "OverlookedOrMisunderstood"), ("Input.Explanation", "You did not look at the wait for a bed."));
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        await caseworker.ActAsync(reference, "review-outcome", ("Input.Outcome", "DecisionStands"), ("Input.Reason", "The wait for a bed was considered in the findings."));

        var closed = await host.CaseAsync(reference);
        Assert.Equal(CaseStage.Closed, closed.Complaint.Stage);
        var timeline = closed.Timeline.Select(e => e.Summary).ToList();
        Assert.Contains("Complaint received about Coldharbour Teaching Hospitals NHS Trust", timeline);
        Assert.Contains("Comments on the provisional view received from Coldharbour Teaching Hospitals NHS Trust", timeline);
        Assert.Contains("The decision stands", timeline);

        // Every change is in the audit trail, with who made it and through which command.
        // (a page of its own, linked from the case page).
        Assert.Contains($"href=\"/cases/{reference}/audit-trail\"", await caseworker.GetPageAsync($"/cases/{reference}"), StringComparison.Ordinal);
        var auditTrail = await caseworker.GetPageAsync($"/cases/{reference}/audit-trail");
        Assert.Contains("Every change to this case", auditTrail, StringComparison.Ordinal);
        Assert.Contains("Record decision", auditTrail, StringComparison.Ordinal);
        Assert.Contains("Comment as organisation", auditTrail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_made_on_a_stale_page_is_refused_as_a_conflict_and_what_was_typed_is_kept()
    {
        var submitted = await host.CreateBrowser().SubmitNhsComplaintAsync(await host.OrganisationAsync("Northmoor Hospitals"), name: "Ivy Stone", email: "ivy.stone@example.com");
        var first = host.CreateBrowser();
        var second = host.CreateBrowser();
        await first.SignInAsync(Demo.Caseworker);
        await second.SignInAsync(Demo.Caseworker);
        var stalePage = await second.GetPageAsync($"/cases/{submitted.Reference}/message");
        var staleVersion = System.Text.RegularExpressions.Regex.Match(stalePage, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        await first.ActAsync(submitted.Reference, "message", ("Input.Text", "Acknowledged by the first caseworker."));
        var (status, page) = await second.RefusedAsync(submitted.Reference, "message", ("Version", staleVersion), ("Input.Text", "Acknowledged by the second caseworker."));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Acknowledged by the second caseworker.", page, StringComparison.Ordinal);
        Assert.Contains("The case is shown as it is now", page, StringComparison.Ordinal);
        Assert.DoesNotContain((await host.CaseAsync(submitted.Reference)).Timeline, e => e.Detail == "Acknowledged by the second caseworker.");

        // Sending again from the page as shown now goes through.
        await second.ActAsync(submitted.Reference, "message", ("Input.Text", "Acknowledged by the second caseworker."));
    }

    [Fact]
    public async Task Moves_the_case_is_not_ready_for_are_refused_with_the_reason_and_change_nothing()
    {
        var submitted = await host.CreateBrowser().SubmitNhsComplaintAsync(await host.OrganisationAsync("Northmoor Hospitals"), name: "Joe Bright", email: "joe.bright@example.com");
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        var (status, page) = await caseworker.RefusedAsync(submitted.Reference, "route", ("Input.Route", "Investigation"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("A case at received cannot move to investigation", page, StringComparison.Ordinal);
        (status, page) = await caseworker.RefusedAsync(submitted.Reference, "decision", ("Input.Outcome", "Upheld"), ("Input.Findings", "Upheld."));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("A final decision follows a provisional view", page, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Received, (await host.CaseAsync(submitted.Reference)).Complaint.Stage);
    }

    [Fact]
    public async Task Staff_who_do_not_work_cases_cannot_act_on_one_and_partner_leads_see_only_their_own_organisations_views()
    {
        var reference = await host.DemoCaseAsync(CaseStage.ProvisionalView, "Coldharbour");
        var manager = host.CreateBrowser();
        await manager.SignInAsync(Demo.Manager);
        await manager.GetPageAsync($"/cases/{reference}");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/cases/{reference}/message")).StatusCode);

        var otherBody = await host.DemoCaseAsync(CaseStage.ProvisionalView, "Eastfield");
        var lead = host.CreateBrowser();
        await lead.SignInAsync(Demo.PartnerLead);
        await lead.GetPageAsync($"/partner/provisional-views/{reference}");
        await lead.GetPageAsync($"/partner/provisional-views/{otherBody}", HttpStatusCode.NotFound);
        Assert.DoesNotContain(otherBody, await lead.GetPageAsync("/partner/provisional-views"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/cases/{reference}")).StatusCode);
    }
}
