using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.SharedKernel.Web;

namespace Phso.Modular.Tests.Complaints;

/// <summary>What outside users found on the casework forms (issue "What outside users found", items 10 to 13): errors
/// land on their fields, a withdrawal asks for its reason, the case page offers only what the case allows, and pages
/// speak in people's words, each through the pages a caseworker uses, on a host whose clock the test moves.</summary>
public sealed partial class CaseworkFormsTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    private async Task<T> AsSystemAsync<T>(IRequest<T> request)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<(HttpClient Caseworker, string Reference)> NewCaseAsync(string name)
    {
        var submitted = await host.CreateBrowser().SubmitNhsComplaintAsync(await host.OrganisationAsync("Northmoor Hospitals"), name: name, email: $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com");
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        return (caseworker, submitted.Reference);
    }

    /// <summary>Every error-summary link on a page lands on an element of that page.</summary>
    private static void EveryErrorLinkLands(string page)
    {
        var targets = ErrorLink().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, id => Assert.True(page.Contains($"id=\"{id}\"", StringComparison.Ordinal), $"The error summary links to #{id}, which is not on the page"));
    }

    [Theory]
    [InlineData("note", "Enter the note")]
    [InlineData("message", "Enter the message")]
    [InlineData("withdraw", "Enter why the complaint is withdrawn")]
    public async Task An_empty_form_says_what_to_enter_on_the_field_it_is_about(string action, string message)
    {
        var (caseworker, reference) = await NewCaseAsync($"Empty {action} form");
        var (status, page) = await caseworker.RefusedAsync(reference, action, ("Input.Text", ""), ("Input.Reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, page, StringComparison.Ordinal);
        EveryErrorLinkLands(page);
        Assert.NotEqual(CaseStage.Withdrawn, (await host.CaseAsync(reference)).Complaint.Stage);
    }

    [Fact]
    public async Task Withdrawing_asks_for_confirmation_and_a_reason_which_the_timeline_keeps()
    {
        var (caseworker, reference) = await NewCaseAsync("Wendy Withdraws");
        var form = await caseworker.GetPageAsync($"/cases/{reference}/withdraw");
        Assert.Contains("Withdraw the complaint?", form, StringComparison.Ordinal);
        Assert.Contains("Withdrawing ends the case", form, StringComparison.Ordinal);

        await caseworker.ActAsync(reference, "withdraw", ("Input.Reason", "She told us by phone that the trust has apologised."));
        var view = await host.CaseAsync(reference);
        Assert.Equal(CaseStage.Withdrawn, view.Complaint.Stage);
        Assert.Contains("She told us by phone that the trust has apologised.", await caseworker.GetPageAsync($"/cases/{reference}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_names_the_fields_of_its_own_body_and_refuses_a_missing_version()
    {
        var (caseworker, reference) = await NewCaseAsync("Api Fields");
        var version = (await host.CaseAsync(reference)).Complaint.Version;

        var note = await caseworker.PostAsJsonAsync($"/api/cases/{reference}/notes", new { version, text = "" });
        Assert.Equal(HttpStatusCode.BadRequest, note.StatusCode);
        var errors = System.Text.Json.JsonDocument.Parse(await note.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["Text"], errors.EnumerateObject().Select(e => e.Name));

        foreach (var (action, body) in new (string, object)[]
        {
            ("notes", new { text = "A note without a version" }), ("messages", new { text = "Hello" }), ("start-checks", new { version = (int?)null }),
            ("assign", new { personId = Guid.NewGuid() }),
        })
        {
            var missing = await caseworker.PostAsJsonAsync($"/api/cases/{reference}/{action}", body);
            Assert.True(missing.StatusCode == HttpStatusCode.BadRequest, $"{action} without a version answered {(int)missing.StatusCode}");
            Assert.Contains("\"Version\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(version, (await host.CaseAsync(reference)).Complaint.Version);
    }

    [Fact]
    public async Task The_case_page_offers_only_the_steps_the_case_allows_today()
    {
        var (caseworker, reference) = await NewCaseAsync("Priya Provisional");
        await AsSystemAsync(new StartChecks(reference, null));
        foreach (var check in Enum.GetValues<EligibilityCheck>())
        {
            await AsSystemAsync(new DecideCheck(reference, null, check, true, "Checked."));
        }

        await AsSystemAsync(new CompleteChecks(reference, null));
        await AsSystemAsync(new ChooseRoute(reference, null, CaseStage.Investigation, "Needs evidence."));
        var due = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(14);
        await AsSystemAsync(new ShareProvisionalView(reference, null, "We think the trust should apologise.",
            new DateParts { Day = due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), Month = due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        var open = await caseworker.GetPageAsync($"/cases/{reference}");
        Assert.Contains($"href=\"/cases/{reference}/body-comment\"", open, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/cases/{reference}/decision\"", open, StringComparison.Ordinal); // locked while comments may come

        host.Clock.Advance(TimeSpan.FromDays(20));
        caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker); // the sign-in of 20 days ago has expired
        var closed = await caseworker.GetPageAsync($"/cases/{reference}");
        Assert.DoesNotContain($"href=\"/cases/{reference}/body-comment\"", closed, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{reference}/decision\"", closed, StringComparison.Ordinal);
        var (status, _) = await caseworker.RefusedAsync(reference, "body-comment", ("Input.Comment", "Too late"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        host.Clock.Advance(TimeSpan.FromDays(-20));
    }

    [Fact]
    public async Task The_history_shows_names_and_uk_times_and_the_page_heading_comes_first()
    {
        var (caseworker, reference) = await NewCaseAsync("Harriet History");
        var tom = await host.PersonAsync(Demo.Caseworker);
        await caseworker.ActAsync(reference, "assign", ("Input.PersonId", tom.ToString()));

        var page = await caseworker.GetPageAsync($"/cases/{reference}");
        var trail = await caseworker.GetPageAsync($"/cases/{reference}/audit-trail");
        var history = trail[trail.IndexOf("Every change to this case</caption>", StringComparison.Ordinal)..];
        Assert.Contains("Assigned to: Tom Okafor", history, StringComparison.Ordinal);
        Assert.DoesNotContain(tom.ToString(), history, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}", Regex.Replace(history, "datetime=\"[^\"]*\"", ""));
        Assert.DoesNotMatch("datetime=\"[^\"]*\\.\\d{4,}", page);
        Assert.True(page.IndexOf("<h1", StringComparison.Ordinal) < page.IndexOf("How to contact", StringComparison.Ordinal), "the page's h1 comes before the contact details' heading");
    }

    [Fact]
    public async Task Titles_say_which_page_it_is()
    {
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        Assert.Matches("<title>Cases: investigation, high priority - ", await caseworker.GetPageAsync("/cases?Stage=Investigation&Priority=High"));
        Assert.Matches("<title>Cases - ", await caseworker.GetPageAsync("/cases"));

        var person = host.CreateBrowser();
        await person.AnswerAsync("/complain/who", ("Answers.Who", "myself"));
        Assert.Matches("<title>About you - ", await person.GetPageAsync("/complain/person"));
    }

    [GeneratedRegex("<li><a href=\"#([^\"]+)\">")]
    private static partial Regex ErrorLink();
}
