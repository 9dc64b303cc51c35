using System.Text;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Complaints;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.Assignments;
using Phso.Modules.Training.Features.Authoring;
using Phso.SharedKernel.Security;

namespace Phso.Modular.Tests.Training;

/// <summary>Managers see their direct reports; partner leads see their own organisation only; the CSV adds up as the screen does.</summary>
[Collection(DemoHostCollection.Name)]
public sealed class TrainingReportsTests(PhsoFactory host)
{
    private async Task<T> AsSystemAsync<T>(IRequest<T> request)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private static Dictionary<string, int> Tiles(string page) =>
        Regex.Matches(page, "<p class=\"govuk-heading-xl govuk-!-margin-bottom-1\">(\\d+)</p><p class=\"govuk-body\">([^<]+)</p>")
            .ToDictionary(m => m.Groups[2].Value, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_manager_sees_their_direct_reports_training_and_the_csv_has_the_same_totals()
    {
        var manager = host.CreateBrowser();
        await manager.SignInAsync(Demo.Manager);
        var page = await manager.GetPageAsync("/learning/team");
        Assert.Contains("Alex Murray", page, StringComparison.Ordinal);
        Assert.Contains("Tom Okafor", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya Shah", page, StringComparison.Ordinal); // not a direct report
        Assert.DoesNotContain("Imran Qureshi", page, StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await (await manager.GetAsync("/learning/team?handler=Csv")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var total = csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        var tiles = Tiles(await manager.GetPageAsync("/learning/team"));
        Assert.StartsWith("Total,", total, StringComparison.Ordinal);
        Assert.Contains($"{tiles["completed"]} completed", total, StringComparison.Ordinal);
        Assert.Contains($"{tiles["overdue"]} overdue", total, StringComparison.Ordinal);
        Assert.Contains($"{tiles["assigned"]} assigned", total, StringComparison.Ordinal);
        Assert.Contains($"{tiles["due within 30 days"]} due within 30 days", total, StringComparison.Ordinal);
        var rows = csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2;
        Assert.Contains($"{rows} records", total, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_lead_sees_their_own_organisations_handlers_and_never_another_organisations()
    {
        var otherPartner = await host.OrganisationAsync("Department for Work and Pensions");
        var outsider = await AsSystemAsync(new CreatePerson("Owen Marsh", "owen.marsh@dwp.example", PersonKind.Partner, [], Roles.PartnerHandler, null, null, otherPartner));
        var handling = (await AsSystemAsync(new ListCourses())).Single(c => c.Key == "handling-complaints-well").Id;
        await AsSystemAsync(new AssignCourse(handling, AssignmentTarget.OrganisationHandlers, null, otherPartner, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)));

        var lead = host.CreateBrowser();
        await lead.SignInAsync(Demo.PartnerLead);
        var page = await lead.GetPageAsync("/learning/organisation");
        Assert.Contains("Imran Qureshi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Owen Marsh", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Murray", page, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(await (await lead.GetAsync("/learning/organisation?handler=Csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Imran Qureshi", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Owen Marsh", csv, StringComparison.Ordinal);

        // The admin's course report has both.
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var report = await admin.GetPageAsync($"/training/courses/{handling}/report");
        Assert.Contains("Owen Marsh", report, StringComparison.Ordinal);
        Assert.Contains("Imran Qureshi", report, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, outsider);
    }

    [Fact]
    public async Task A_manager_assigns_a_course_to_a_direct_report_on_the_page_and_is_refused_for_anyone_else()
    {
        var manager = host.CreateBrowser();
        await manager.SignInAsync(Demo.Manager);
        var handling = (await AsSystemAsync(new ListCourses())).Single(c => c.Key == "handling-complaints-well").Id.ToString();
        var tom = (await host.PersonAsync(Demo.Caseworker)).ToString();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

        var missingDate = await manager.SubmitAsync("/training/assign", ("Input.CourseId", handling), ("Input.Target", "Person"), ("Input.PersonId", tom));
        var page = await missingDate.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missingDate.StatusCode);
        Assert.Contains("Enter the due date", page, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{tom}\" selected", page);

        var assigned = await manager.SubmitAsync("/training/assign", [("Input.CourseId", handling), ("Input.Target", "Person"), ("Input.PersonId", tom), .. Casework.Date("Input.DueOn", due)]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Contains("Handling complaints well for Tom Okafor", await manager.GetPageAsync("/learning/team"), StringComparison.Ordinal);

        var priya = (await host.PersonAsync(Demo.Admin)).ToString();
        var refused = await manager.SubmitAsync("/training/assign", [("Input.CourseId", handling), ("Input.Target", "Person"), ("Input.PersonId", priya), .. Casework.Date("Input.DueOn", due)]);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("You can assign courses only to people who report to you.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
