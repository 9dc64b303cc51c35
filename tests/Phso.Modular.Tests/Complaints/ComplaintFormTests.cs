using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Organisations.Contracts;

namespace Phso.Modular.Tests.Complaints;

[Collection(DemoHostCollection.Name)]
public sealed partial class ComplaintFormTests(PhsoFactory host)
{
    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FindOrganisations(name))).Items[0].Id;
    }

    [Fact]
    public async Task A_member_of_the_public_completes_the_form_and_gets_a_reference_and_a_private_link_by_email()
    {
        var visitor = host.CreateBrowser();
        var submitted = await visitor.SubmitNhsComplaintAsync(await OrganisationAsync("Northmoor Hospitals"));
        Assert.Matches("^PSO-\\d{4}-\\d{5}$", submitted.Reference);
        await host.FlushAsync();
        var email = host.EmailsTo("margaret.collins@example.com")[^1];
        Assert.Equal($"We have received your complaint {submitted.Reference}", email.Subject);
        Assert.Contains(submitted.Link, email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blank_answer_or_an_impossible_date_is_shown_again_with_a_message_saying_what_to_fix_and_keeps_what_was_typed()
    {
        var visitor = host.CreateBrowser();
        await visitor.AnswerAsync("/complain/who", ("Answers.Who", "myself"));

        var blank = await visitor.PostFormAsync("/complain/person", ("Answers.PersonName", " "), ("Answers.PersonNation", "Wales"));
        var page = await blank.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#Answers_PersonName\"", page, StringComparison.Ordinal);
        Assert.Contains("Enter your full name", page, StringComparison.Ordinal);
        Assert.Matches("value=\"Wales\"[^>]*checked", page);
        Assert.StartsWith("Error: ", Regex.Match(page, "<title>([^<]*)</title>").Groups[1].Value, StringComparison.Ordinal);

        await visitor.AnswerAsync("/complain/person", ("Answers.PersonName", "Nell Fairweather"), ("Answers.PersonNation", "Wales"));
        await visitor.AnswerAsync("/complain/contact", ("Answers.PreferredChannel", "Email"), ("Answers.Email", "nell@example.com"));
        await visitor.AnswerAsync("/complain/organisation", ("Answers.OrganisationId", (await OrganisationAsync("Northmoor Hospitals")).ToString()));
        await visitor.AnswerAsync("/complain/what-happened", ("Answers.WhatHappened", "The clinic cancelled my operation three times."));

        var impossible = await visitor.PostFormAsync("/complain/when-aware", ("Answers.AwareOn.Day", "31"), ("Answers.AwareOn.Month", "2"), ("Answers.AwareOn.Year", "2026"));
        page = await impossible.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);
        Assert.Contains("must be a real date", page, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", page, StringComparison.Ordinal);

        var future = await visitor.PostFormAsync("/complain/when-aware", ("Answers.AwareOn.Day", "1"), ("Answers.AwareOn.Month", "1"), ("Answers.AwareOn.Year", "2999"));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("must be today or in the past", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Going back shows what was answered before.
        Assert.Contains("The clinic cancelled my operation three times.", await visitor.GetPageAsync("/complain/what-happened"), StringComparison.Ordinal);
        Assert.Contains("value=\"Nell Fairweather\"", await visitor.GetPageAsync("/complain/person"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_your_answers_lists_what_is_still_missing_with_links_to_those_questions_and_nothing_is_saved_until_it_is_complete()
    {
        var visitor = host.CreateBrowser();
        await visitor.AnswerAsync("/complain/who", ("Answers.Who", "myself"));
        await visitor.AnswerAsync("/complain/person", ("Answers.PersonName", "Otto Lind"), ("Answers.PersonNation", "England"));

        Assert.Contains("Otto Lind", await visitor.GetPageAsync("/complain/check"), StringComparison.Ordinal);

        var send = await visitor.PostFormAsync("/complain/check", []);
        var page = await send.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, send.StatusCode);
        Assert.Contains("href=\"/complain/contact?change=true\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/complain/what-happened?change=true\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Otto Lind", await CaseNamesAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_representative_must_confirm_they_may_complain_and_only_complaints_about_parliamentary_bodies_ask_about_an_mp()
    {
        var visitor = host.CreateBrowser();
        Assert.Equal("/complain/representative", await visitor.AnswerAsync("/complain/who", ("Answers.Who", "someone-else")));
        var unconfirmed = await visitor.PostFormAsync("/complain/representative",
            ("Answers.RepresentativeName", "Rosa Lindqvist"), ("Answers.RepresentativeRelationship", "Daughter"), ("Answers.RepresentativeCapacity", "WithConsent"));
        var page = await unconfirmed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Confirm that you may make this complaint for them", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Rosa Lindqvist\"", page, StringComparison.Ordinal);
        await visitor.AnswerAsync("/complain/representative",
            ("Answers.RepresentativeName", "Rosa Lindqvist"), ("Answers.RepresentativeRelationship", "Daughter"), ("Answers.RepresentativeCapacity", "WithConsent"), ("Answers.RepresentativeConfirms", "yes"));
        await visitor.AnswerAsync("/complain/person", ("Answers.PersonName", "Elsa Lindqvist"), ("Answers.PersonNation", "Scotland"));

        await visitor.AnswerAsync("/complain/organisation", ("Answers.OrganisationId", (await OrganisationAsync("Northmoor Hospitals")).ToString()));
        var skipped = await visitor.GetAsync("/complain/mp");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);

        await visitor.AnswerAsync("/complain/organisation", ("Answers.OrganisationId", (await OrganisationAsync("Home Office")).ToString()));
        Assert.Contains("Has an MP referred your complaint to us?", await visitor.GetPageAsync("/complain/mp"), StringComparison.Ordinal);
        var noMpDetails = await visitor.PostFormAsync("/complain/mp", ("Answers.MpReferred", "true"));
        page = await noMpDetails.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, noMpDetails.StatusCode);
        Assert.Contains("Enter the MP&#x27;s name", page, StringComparison.Ordinal);
        Assert.Contains("Enter the date the MP referred your complaint", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_left_for_too_long_starts_again_with_a_message_rather_than_an_error()
    {
        var stranger = host.CreateBrowser();
        var response = await stranger.GetAsync("/complain/impact");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/complain", response.Headers.Location?.OriginalString);
        Assert.Contains("We deleted your answers because you did not do anything for 60 minutes", await stranger.GetPageAsync("/complain"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_is_accepted_by_content_not_name_kept_outside_the_web_root_with_its_hash_and_only_ever_downloaded()
    {
        var visitor = host.CreateBrowser();
        var pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();

        // An executable called .pdf, an empty file, and a file over the size limit are refused, each saying why.
        var (status, page) = await UploadAsync(visitor, "discharge-letter.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]);
        Assert.Equal(HttpStatusCode.Redirect, status); // no form started yet: back to the start
        await StartAsync(visitor);
        (status, page) = await UploadAsync(visitor, "discharge-letter.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("The selected file must be a PDF, JPG, PNG, GIF or WebP", page, StringComparison.Ordinal);
        (status, page) = await UploadAsync(visitor, "empty.pdf", []);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Select a file to upload", page, StringComparison.Ordinal);
        (status, page) = await UploadAsync(visitor, "huge.pdf", [.. pdf, .. new byte[10 * 1024 * 1024]]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("must be smaller than 10MB", page, StringComparison.Ordinal);

        // A real PDF with a misleading name is accepted as a PDF.
        (status, _) = await UploadAsync(visitor, "..\\..\\scan.png", pdf);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("scan.png has been added", await visitor.GetPageAsync("/complain/evidence"), StringComparison.Ordinal);
        var submitted = await visitor.SendAsync();

        var document = Assert.Single((await host.CaseAsync(submitted.Reference)).Complaint.Documents);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal("scan.png", document.FileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), document.Sha256);
        var stored = Directory.GetFiles(Path.Combine(host.DataFolder, "evidence", "cases"), document.Id.ToString("N"), SearchOption.AllDirectories);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Assert.Single(stored)));

        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        var download = await caseworker.GetAsync($"/cases/{submitted.Reference}/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateBrowser().GetAsync($"/evidence/cases/{document.Id:N}")).StatusCode);
    }

    private async Task StartAsync(HttpClient visitor)
    {
        await visitor.AnswerAsync("/complain/who", ("Answers.Who", "myself"));
        await visitor.AnswerAsync("/complain/person", ("Answers.PersonName", "Pia Sorensen"), ("Answers.PersonNation", "England"));
        await visitor.AnswerAsync("/complain/contact", ("Answers.PreferredChannel", "Email"), ("Answers.Email", "pia@example.com"));
        await visitor.AnswerAsync("/complain/organisation", ("Answers.OrganisationId", (await OrganisationAsync("Northmoor Hospitals")).ToString()));
        await visitor.AnswerAsync("/complain/what-happened", ("Answers.WhatHappened", "My test results were lost twice."));
        await visitor.AnswerAsync("/complain/when-aware", ("Answers.AwareOn.Day", "1"), ("Answers.AwareOn.Month", "9"), ("Answers.AwareOn.Year", "2026"));
        await visitor.AnswerAsync("/complain/impact", ("Answers.Impact", "My treatment was delayed by a month."));
        await visitor.AnswerAsync("/complain/outcome", ("Answers.OutcomeWanted", "An apology."));
        await visitor.AnswerAsync("/complain/organisation-complaint", ("Answers.BodyProcedure", "Finished"),
            ("Answers.ComplainedOn.Day", "2"), ("Answers.ComplainedOn.Month", "9"), ("Answers.ComplainedOn.Year", "2026"),
            ("Answers.FinalResponseOn.Day", "1"), ("Answers.FinalResponseOn.Month", "10"), ("Answers.FinalResponseOn.Year", "2026"));
        await visitor.AnswerAsync("/complain/legal", ("Answers.LegalRemedy", "No"));
        await visitor.AnswerAsync("/complain/adjustments", ("Answers.NeedsAdjustments", "false"));
    }

    private static async Task<(HttpStatusCode Status, string Page)> UploadAsync(HttpClient visitor, string fileName, byte[] bytes)
    {
        var form = await visitor.GetAsync("/complain/evidence");
        var html = await form.Content.ReadAsStringAsync();
        if (form.StatusCode != HttpStatusCode.OK)
        {
            return (form.StatusCode, html);
        }

        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "upload", fileName },
        };
        var response = await visitor.PostAsync("/complain/evidence?handler=Upload", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> CaseNamesAsync()
    {
        await using var scope = host.SystemScope();
        var queue = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Phso.Modules.Complaints.Features.ReadCases.ListCases(IncludeEnded: true, PageSize: 500));
        return [.. queue.Items.Select(i => i.ComplainantName)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
