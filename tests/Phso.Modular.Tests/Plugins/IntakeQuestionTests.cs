using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Complaints;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Features.Lifecycle;

namespace Phso.Modular.Tests.Plugins;

/// <summary>The sample plugins' questions appear on the public complaint form for their organisation only; answers
/// are checked, kept with the case, shown to caseworkers and measured against the organisation's own standard, with the
/// acknowledgement date the form now asks for.</summary>
public sealed class IntakeQuestionTests : IClassFixture<PluginHostFactory>
{
    private const string Glenmorven = "glenmorven-model-procedure";
    private const string Coldharbour = "coldharbour-complaint-standard";
    private const string StageOneQuestion = "When did the board give its first (stage 1) response?";
    private const string DiscussionQuestion = "When the trust acknowledged your complaint, did it offer to discuss it with you?";
    private readonly PluginHostFactory _host;

    public IntakeQuestionTests(PluginHostFactory host)
    {
        _host = host;
        InstallSamplesAsync().GetAwaiter().GetResult();
    }

    private async Task InstallSamplesAsync()
    {
        await using var scope = _host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        foreach (var (project, id) in new[] { ("Glenmorven.ComplaintStandard", Glenmorven), ("Coldharbour.ComplaintStandard", Coldharbour) })
        {
            if (await mediator.Send(new GetPlugin(id)) is null)
            {
                await mediator.Send(new InstallPlugin(TestPlugins.Sample(project, id)));
            }
        }
    }

    /// <summary>Answers the form up to the organisation's complaints procedure; returns where that page leads.</summary>
    private async Task<string> ComplainAboutAsync(HttpClient visitor, string organisation, params (string Name, string Value)[] procedure)
    {
        await visitor.AnswerAsync("/complain/who", ("Answers.Who", "myself"));
        await visitor.AnswerAsync("/complain/person", ("Answers.PersonName", "Eilidh Munro"), ("Answers.PersonNation", "Scotland"));
        await visitor.AnswerAsync("/complain/contact", ("Answers.PreferredChannel", "Email"), ("Answers.Email", "eilidh.munro@example.com"));
        await visitor.AnswerAsync("/complain/organisation", ("Answers.OrganisationId", (await _host.OrganisationAsync(organisation)).ToString()));
        await visitor.AnswerAsync("/complain/what-happened", ("Answers.WhatHappened", "My referral was lost and nobody told me for months, so my treatment was delayed."));
        await visitor.AnswerAsync("/complain/when-aware", ("Answers.AwareOn.Day", "1"), ("Answers.AwareOn.Month", "9"), ("Answers.AwareOn.Year", "2026"));
        await visitor.AnswerAsync("/complain/impact", ("Answers.Impact", "My condition got worse while I waited and I had to stop working."));
        await visitor.AnswerAsync("/complain/outcome", ("Answers.OutcomeWanted", "An apology and a change to how referrals are tracked."));
        return await visitor.AnswerAsync("/complain/organisation-complaint",
            [("Answers.BodyProcedure", "Finished"), .. Casework.Date("Answers.ComplainedOn", new DateOnly(2026, 9, 2)), .. Casework.Date("Answers.FinalResponseOn", new DateOnly(2026, 10, 30)), .. procedure]);
    }

    private static async Task<ComplaintForm.Submitted> FinishAndSendAsync(HttpClient visitor)
    {
        await visitor.AnswerAsync("/complain/legal", ("Answers.LegalRemedy", "No"));
        await visitor.AnswerAsync("/complain/adjustments", ("Answers.NeedsAdjustments", "false"));
        return await visitor.SendAsync();
    }

    private static (string, string)[] Question(int index, string pluginId, string key, params (string Name, string Value)[] answer) =>
        [($"Answers.LocalQuestions[{index}].PluginId", pluginId), ($"Answers.LocalQuestions[{index}].Key", key), .. answer.Select(a => ($"Answers.LocalQuestions[{index}].{a.Name}", a.Value))];

    private async Task<HttpClient> CaseworkerAsync()
    {
        var caseworker = _host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        return caseworker;
    }

    [Fact]
    public async Task The_boards_stage_dates_are_asked_checked_kept_with_the_case_and_measured_on_the_scottish_calendar()
    {
        var visitor = _host.CreateBrowser();
        Assert.Equal("/complain/local-questions", await ComplainAboutAsync(visitor, "NHS Glenmorven Health Board", Casework.Date("Answers.AcknowledgedOn", new DateOnly(2026, 9, 4))));

        var page = await visitor.GetPageAsync("/complain/local-questions");
        Assert.Contains("More about your complaint to NHS Glenmorven Health Board", page, StringComparison.Ordinal);
        Assert.Contains($"{StageOneQuestion} (optional)", page, StringComparison.Ordinal);
        Assert.Contains("Leave it blank if your complaint went straight to an investigation.", page, StringComparison.Ordinal);

        // 31 September does not exist: the page comes back with what was typed and says what to fix.
        var wrong = await visitor.PostFormAsync("/complain/local-questions",
            [.. Question(0, Glenmorven, "stage-1-response", ("Date.Day", "31"), ("Date.Month", "9"), ("Date.Year", "2026")), .. Question(1, Glenmorven, "escalated-to-stage-2", ("Date.Day", "18"))]);
        var refused = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains($"The date for \u201c{StageOneQuestion}\u201d must be a real date", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        Assert.Contains("must include a month and a year", refused, StringComparison.Ordinal);
        Assert.Contains("href=\"#Answers_LocalQuestions_0__Date", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"18\"", refused, StringComparison.Ordinal);

        Assert.Equal("/complain/legal", await visitor.AnswerAsync("/complain/local-questions",
            [.. Question(0, Glenmorven, "stage-1-response", Casework.Date("Date", new DateOnly(2026, 9, 16))), .. Question(1, Glenmorven, "escalated-to-stage-2", Casework.Date("Date", new DateOnly(2026, 9, 18)))]));
        await visitor.AnswerAsync("/complain/legal", ("Answers.LegalRemedy", "No"));
        await visitor.AnswerAsync("/complain/adjustments", ("Answers.NeedsAdjustments", "false"));
        var check = WebUtility.HtmlDecode(await visitor.GetPageAsync("/complain/check"));
        Assert.Contains(StageOneQuestion, check, StringComparison.Ordinal);
        Assert.Contains("16 September 2026", check, StringComparison.Ordinal);
        Assert.Contains("4 September 2026", check, StringComparison.Ordinal);
        var submitted = await visitor.SendAsync();

        var view = await _host.CaseAsync(submitted.Reference);
        Assert.Equal(new DateOnly(2026, 9, 4), view.Complaint.BodyAcknowledgedOn);
        Assert.Equal(["2026-09-16", "2026-09-18"], view.Complaint.LocalAnswers.OrderBy(a => a.Position).Select(a => a.Answer));
        var casePage = WebUtility.HtmlDecode(await (await CaseworkerAsync()).GetPageAsync($"/cases/{submitted.Reference}"));
        Assert.Contains("Answers to NHS Glenmorven Health Board's own questions", casePage, StringComparison.Ordinal);
        Assert.Contains("acknowledged 4 September 2026", casePage, StringComparison.Ordinal);

        // Stage 1: 5 working days from Wednesday 2 September is the 9th; the response on the 16th is within the 5-day
        // extension. Stage 2: 20 working days from the 18th is 16 October; the final response came 10 working days late.
        Assert.Contains("Done on 16 September 2026: after 9 September 2026, but within the extension to 16 September 2026", casePage, StringComparison.Ordinal);
        Assert.Contains("Done on 30 October 2026, 10 working days after it was due on 16 October 2026.", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trusts_yes_or_no_question_refuses_anything_else_and_its_answer_reaches_the_trusts_own_check()
    {
        var visitor = _host.CreateBrowser();
        Assert.Equal("/complain/local-questions", await ComplainAboutAsync(visitor, "Coldharbour Teaching Hospitals NHS Trust", Casework.Date("Answers.AcknowledgedOn", new DateOnly(2026, 9, 8))));
        var page = await visitor.GetPageAsync("/complain/local-questions");
        Assert.Contains("I do not know", page, StringComparison.Ordinal);

        var wrong = await visitor.PostFormAsync("/complain/local-questions",
            [.. Question(0, Coldharbour, "offered-discussion", ("Answer", "maybe")), .. Question(1, Coldharbour, "agreed-timescale", ("Answer", "They said 40 working days"))]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var refused = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains($"Select yes or no for \u201c{DiscussionQuestion}\u201d", refused, StringComparison.Ordinal);
        Assert.Contains("They said 40 working days", refused, StringComparison.Ordinal);

        await visitor.AnswerAsync("/complain/local-questions",
            [.. Question(0, Coldharbour, "offered-discussion", ("Answer", "no")), .. Question(1, Coldharbour, "agreed-timescale", ("Answer", "They said 40 working days"))]);
        var submitted = await FinishAndSendAsync(visitor);

        var casePage = WebUtility.HtmlDecode(await (await CaseworkerAsync()).GetPageAsync($"/cases/{submitted.Reference}"));
        Assert.Contains("The complainant says the trust did not offer to discuss the complaint, which its policy requires.", casePage, StringComparison.Ordinal);
        Assert.Contains("They said 40 working days", casePage, StringComparison.Ordinal);

        // 3 working days from Wednesday 2 September is Monday the 7th; the acknowledgement came on the 8th.
        Assert.Contains("Done on 8 September 2026, 1 working day after it was due on 7 September 2026.", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_without_a_plugin_gets_no_extra_page_and_dates_out_of_order_are_refused()
    {
        var visitor = _host.CreateBrowser();
        var next = await ComplainAboutAsync(visitor, "Northmoor Hospitals");
        Assert.Equal("/complain/legal", next);
        Assert.Equal("/complain/legal", (await visitor.GetAsync("/complain/local-questions")).Headers.Location?.OriginalString);

        var refused = await visitor.PostFormAsync("/complain/organisation-complaint",
            [("Answers.BodyProcedure", "Finished"), .. Casework.Date("Answers.ComplainedOn", new DateOnly(2026, 9, 2)), .. Casework.Date("Answers.AcknowledgedOn", new DateOnly(2026, 8, 30)),
                .. Casework.Date("Answers.FinalResponseOn", new DateOnly(2026, 10, 30))]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Date the organisation acknowledged the complaint must be on or after the date you complained", text, StringComparison.Ordinal);
        Assert.Contains("value=\"30\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_switched_off_before_sending_takes_its_questions_with_it()
    {
        var visitor = _host.CreateBrowser();
        await ComplainAboutAsync(visitor, "Coldharbour Teaching Hospitals NHS Trust");
        await visitor.AnswerAsync("/complain/local-questions", [.. Question(0, Coldharbour, "offered-discussion", ("Answer", "yes")), .. Question(1, Coldharbour, "agreed-timescale")]);
        await visitor.AnswerAsync("/complain/legal", ("Answers.LegalRemedy", "No"));
        await visitor.AnswerAsync("/complain/adjustments", ("Answers.NeedsAdjustments", "false"));
        Assert.Contains(DiscussionQuestion, WebUtility.HtmlDecode(await visitor.GetPageAsync("/complain/check")), StringComparison.Ordinal);

        await SwitchAsync(Coldharbour, on: false);
        try
        {
            Assert.DoesNotContain(DiscussionQuestion, WebUtility.HtmlDecode(await visitor.GetPageAsync("/complain/check")), StringComparison.Ordinal);
            var submitted = await visitor.SendAsync();
            Assert.Empty((await _host.CaseAsync(submitted.Reference)).Complaint.LocalAnswers);
        }
        finally
        {
            await SwitchAsync(Coldharbour, on: true);
        }
    }

    private async Task SwitchAsync(string id, bool on)
    {
        await using var scope = _host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var plugin = (await mediator.Send(new GetPlugin(id)))!.Plugin;
        if (on)
        {
            await mediator.Send(new EnablePlugin(id, plugin.Version));
        }
        else
        {
            await mediator.Send(new DisablePlugin(id, plugin.Version, "Testing what the form asks without it"));
        }
    }

    [Fact]
    public async Task Api_clients_read_the_questions_and_only_answers_to_them_are_kept()
    {
        var client = _host.CreateBrowser();
        var board = await _host.OrganisationAsync("NHS Glenmorven Health Board");
        var questions = await client.GetFromJsonAsync<JsonElement>($"/api/complaints/questions?organisationId={board}");
        Assert.Equal(["stage-1-response", "escalated-to-stage-2"], questions.EnumerateArray().Select(q => q.GetProperty("key").GetString()));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>($"/api/complaints/questions?organisationId={await _host.OrganisationAsync("Northmoor Hospitals")}"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/complaints/questions?organisationId={Guid.NewGuid()}")).StatusCode);
        var unreadable = await client.GetAsync("/api/complaints/questions?organisationId=Glenmorven");
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("organisationId", await unreadable.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        object Complaint(object stageOne) => new
        {
            who = "myself", personName = "Iain Baird", personNation = "Scotland", preferredChannel = "Email", email = "iain.baird@example.com", organisationId = board,
            whatHappened = "The board cancelled my operation three times without telling me why.", awareOn = new { day = "2", month = "10", year = "2026" },
            impact = "I have been in pain for months.", outcomeWanted = "A date for the operation.", bodyProcedure = "Finished",
            complainedOn = new { day = "5", month = "10", year = "2026" }, finalResponseOn = new { day = "2", month = "11", year = "2026" }, legalRemedy = "No", needsAdjustments = false,
            localQuestions = new object[]
            {
                new { pluginId = Glenmorven, key = "stage-1-response", date = stageOne },
                new { pluginId = "made-up", key = "favourite-colour", text = "Anything I like", answer = "Blue" },
            },
        };

        var refused = await client.PostAsJsonAsync("/api/complaints", Complaint(new { day = "12", month = "13", year = "2026" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("LocalQuestions[0].Date", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await client.PostAsJsonAsync("/api/complaints", Complaint(new { day = "12", month = "10", year = "2026" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var reference = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        var answers = (await _host.CaseAsync(reference)).Complaint.LocalAnswers.OrderBy(a => a.Position).ToList();
        Assert.Equal([("stage-1-response", "2026-10-12"), ("escalated-to-stage-2", (string?)null)], answers.Select(a => (a.Key, a.Answer)));
        Assert.Equal(StageOneQuestion, answers[0].Question);
    }

    [Fact]
    public async Task A_caseworker_corrects_the_acknowledgement_date_and_the_boards_stage_dates_and_each_change_is_on_the_record()
    {
        var visitor = _host.CreateBrowser();
        await ComplainAboutAsync(visitor, "NHS Glenmorven Health Board");
        await visitor.AnswerAsync("/complain/local-questions", [.. Question(0, Glenmorven, "stage-1-response"), .. Question(1, Glenmorven, "escalated-to-stage-2")]);
        var submitted = await FinishAndSendAsync(visitor);
        var caseworker = await CaseworkerAsync();
        Assert.Contains(StageOneQuestion, WebUtility.HtmlDecode(await caseworker.GetPageAsync($"/cases/{submitted.Reference}/facts")), StringComparison.Ordinal);
        (string, string)[] facts(DateOnly acknowledged, string stageOneDay) =>
        [
            .. Casework.Date("Input.AwareOn", new DateOnly(2026, 9, 1)), ("Input.BodyProcedure", "Finished"), .. Casework.Date("Input.ComplainedOn", new DateOnly(2026, 9, 2)),
            .. Casework.Date("Input.AcknowledgedOn", acknowledged), .. Casework.Date("Input.FinalResponseOn", new DateOnly(2026, 10, 30)), ("Input.LegalRemedy", "No"),
            ("Input.LocalAnswers[0].Date.Day", stageOneDay), ("Input.LocalAnswers[0].Date.Month", "9"), ("Input.LocalAnswers[0].Date.Year", "2026"),
        ];

        var (status, page) = await caseworker.RefusedAsync(submitted.Reference, "facts", facts(new DateOnly(2026, 11, 2), "31"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        page = WebUtility.HtmlDecode(page);
        Assert.Contains("Date of the organisation's final response must be on or after the date it acknowledged the complaint", page, StringComparison.Ordinal);
        Assert.Contains($"The date for \u201c{StageOneQuestion}\u201d must be a real date", page, StringComparison.Ordinal);

        await caseworker.ActAsync(submitted.Reference, "facts", facts(new DateOnly(2026, 9, 3), "8"));
        var view = await _host.CaseAsync(submitted.Reference);
        Assert.Equal(new DateOnly(2026, 9, 3), view.Complaint.BodyAcknowledgedOn);
        Assert.Equal("2026-09-08", view.Complaint.LocalAnswers.Single(a => a.Key == "stage-1-response").Answer);
        var change = Assert.Single(view.Timeline, e => e.Summary == "Facts corrected").Detail;
        Assert.Contains("body's acknowledgement: none to 3 September 2026", change, StringComparison.Ordinal);
        Assert.Contains($"answer to \u201c{StageOneQuestion}\u201d: Not answered to 8 September 2026", change, StringComparison.Ordinal);
        Assert.Contains("Done on 8 September 2026, within the time allowed (by 9 September 2026).", WebUtility.HtmlDecode(await caseworker.GetPageAsync($"/cases/{submitted.Reference}")), StringComparison.Ordinal);
    }
}
