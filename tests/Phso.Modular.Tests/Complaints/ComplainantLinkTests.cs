using System.Net;
using System.Text.RegularExpressions;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Domain;

namespace Phso.Modular.Tests.Complaints;

/// <summary>The complainant's private link: what it shows, what they can do with it, and when it stops working.</summary>
public sealed partial class ComplainantLinkTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    private async Task<(ComplaintForm.Submitted Complaint, HttpClient Complainant, HttpClient Caseworker)> NewCaseAsync(string name, string email)
    {
        var complainant = host.CreateBrowser();
        var submitted = await complainant.SubmitNhsComplaintAsync(await host.OrganisationAsync("Northmoor Hospitals"), name: name, email: email);
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        await caseworker.ActAsync(submitted.Reference, "assign", ("Input.PersonId", (await host.PersonAsync(Demo.Caseworker)).ToString()));
        return (submitted, complainant, caseworker);
    }

    [Fact]
    public async Task An_unknown_link_is_not_found_and_the_pages_are_never_indexed_cached_or_sent_as_a_referrer()
    {
        var response = await host.CreateBrowser().GetAsync("/my-complaint/not-a-real-token-at-all");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (submitted, complainant, _) = await NewCaseAsync("Una Kerr", "una.kerr@example.com");
        var page = await complainant.GetAsync(submitted.Link);
        Assert.Equal("noindex, nofollow", page.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("strict-origin-when-cross-origin", (await complainant.GetAsync("/complain")).Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_complainant_sees_what_concerns_them_but_not_the_caseworkers_notes()
    {
        var (submitted, complainant, caseworker) = await NewCaseAsync("Vera Lamb", "vera.lamb@example.com");
        await caseworker.ActAsync(submitted.Reference, "note", ("Input.Text", "Internal: check the trust's records first."));
        await caseworker.ActAsync(submitted.Reference, "message", ("Input.Text", "We have your complaint and will be in touch."));
        var page = await complainant.GetPageAsync(submitted.Link);
        Assert.Contains("We have your complaint and will be in touch.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal: check the trust", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_from_the_complainant_reaches_the_case_and_its_caseworker()
    {
        var (submitted, complainant, caseworker) = await NewCaseAsync("Wendy Hart", "wendy.hart@example.com");
        var empty = await complainant.SubmitAsync($"{submitted.Link}/message");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Enter a message, or choose a file to send", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sent = await complainant.SubmitAsync($"{submitted.Link}/message", ("Input.Text", "I have found the discharge letter."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains((await host.CaseAsync(submitted.Reference)).Timeline, e => e.Kind == CaseEventKind.MessageFromComplainant && e.Detail == "I have found the discharge letter.");
        await host.FlushAsync();
        Assert.Contains($"Case {submitted.Reference}: Sent a message", await caseworker.GetPageAsync("/notifications"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_document_or_picture_is_refused_and_the_message_typed_is_kept()
    {
        var (submitted, complainant, _) = await NewCaseAsync("Xavier Bell", "xavier.bell@example.com");
        var form = await complainant.GetPageAsync($"{submitted.Link}/message");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(form).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("Here is the letter."), "Input.Text" },
            { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), "upload", "letter.pdf" },
        };
        var refused = await complainant.PostAsync($"{submitted.Link}/message", content);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Here is the letter.", page, StringComparison.Ordinal);
        Assert.Contains("govuk-file-upload--error", page, StringComparison.Ordinal);
        Assert.Empty((await host.CaseAsync(submitted.Reference)).Complaint.Documents);

        using var pdf = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(form).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "upload", "letter.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await complainant.PostAsync($"{submitted.Link}/message", pdf)).StatusCode);
        var document = Assert.Single((await host.CaseAsync(submitted.Reference)).Complaint.Documents);
        Assert.True(document.FromComplainant);
        Assert.Equal("application/pdf", document.ContentType);
    }

    [Fact]
    public async Task A_new_link_replaces_the_old_one_and_a_revoked_link_says_it_no_longer_works()
    {
        var (submitted, complainant, caseworker) = await NewCaseAsync("Yusuf Grant", "yusuf.grant@example.com");
        // The acknowledgement goes first: on the test clock both emails would have the same creation time,
        // and the queue's order between them would be a coin toss.
        await host.FlushAsync();
        await caseworker.ActAsync(submitted.Reference, "link", ("Input.Action", "new"));
        var ended = await complainant.GetAsync(submitted.Link);
        Assert.Equal(HttpStatusCode.Gone, ended.StatusCode);
        Assert.Contains("This link no longer works", await ended.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await host.FlushAsync();
        var newLink = host.LinkInLatestEmailTo("yusuf.grant@example.com");
        Assert.StartsWith("/my-complaint/", newLink, StringComparison.Ordinal);
        Assert.Contains(submitted.Reference, await complainant.GetPageAsync(newLink), StringComparison.Ordinal);

        // Stopping the link needs a reason, which the internal timeline keeps.
        var (noReason, refusal) = await caseworker.RefusedAsync(submitted.Reference, "link", ("Input.Action", "revoke"));
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.Contains("<a href=\"#Input_Reason\">Enter why the link should stop working", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await complainant.GetAsync(newLink)).StatusCode);
        await caseworker.ActAsync(submitted.Reference, "link", ("Input.Action", "revoke"), ("Input.Reason", "The person says their partner has seen the link."));
        Assert.Contains("The person says their partner has seen the link.", await caseworker.GetPageAsync($"/cases/{submitted.Reference}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await complainant.GetAsync(newLink)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await complainant.PostFormAsync("/complain/who", [], $"{newLink}/withdraw")).StatusCode);
        var (status, page) = await caseworker.RefusedAsync(submitted.Reference, "link", ("Input.Action", "revoke"), ("Input.Reason", "Again"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("The complainant has no working link to revoke.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_complainant_can_withdraw_their_complaint_and_then_can_no_longer_send_messages()
    {
        var (submitted, complainant, _) = await NewCaseAsync("Zara Moss", "zara.moss@example.com");
        var withdrawn = await complainant.SubmitAsync($"{submitted.Link}/withdraw", ("Input.Reason", "The trust has apologised."));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var view = await host.CaseAsync(submitted.Reference);
        Assert.Equal(CaseStage.Withdrawn, view.Complaint.Stage);
        Assert.Equal("The trust has apologised.", view.Complaint.WithdrawnReason);
        var message = await complainant.GetAsync($"{submitted.Link}/message");
        Assert.Equal(HttpStatusCode.Redirect, message.StatusCode);
        var again = await complainant.PostFormAsync("/complain/who", [], $"{submitted.Link}/withdraw");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>Links expire: a host of its own, because the test moves the clock two years on.</summary>
public sealed class ComplainantLinkExpiryTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    [Fact]
    public async Task A_link_stops_working_after_twenty_four_months()
    {
        var complainant = host.CreateBrowser();
        var submitted = await complainant.SubmitNhsComplaintAsync(await host.OrganisationAsync("Northmoor Hospitals"), name: "Owen Lake", email: "owen.lake@example.com");
        host.Clock.Advance(TimeSpan.FromDays(365 * 2 - 10));
        await complainant.GetPageAsync(submitted.Link);
        host.Clock.Advance(TimeSpan.FromDays(12));
        var expired = await complainant.GetAsync(submitted.Link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("quote your reference", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
