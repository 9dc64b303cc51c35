using System.Net;
using Phso.SharedKernel.Domain;
using System.Text.RegularExpressions;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Organisations;

[Collection(DemoHostCollection.Name)]
public sealed partial class OrganisationPagesTests(PhsoFactory host)
{
    private static IEnumerable<KeyValuePair<string, string>> Fields(string name, string type = "NhsTrust", string sector = "Health", string nation = "England", string inRemit = "true", string partner = "false", string ods = "") =>
    [
        new("Input.Name", name), new("Input.Type", type), new("Input.Sector", sector), new("Input.Nation", nation),
        new("Input.InRemit", inRemit), new("Input.IsPartner", partner), new("Input.OdsCode", ods),
    ];

    private async Task<HttpClient> AdminAsync()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        return admin;
    }

    [Fact]
    public async Task Staff_can_find_organisations_by_name_and_filters()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        var page = await staff.GetPageAsync("/organisations?Search=northmoor&Sector=Health");
        Assert.Contains("Northmoor Hospitals NHS Foundation Trust", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Department for Work and Pensions", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Add an organisation", page, StringComparison.Ordinal);

        var closed = await staff.GetPageAsync("/organisations?Search=Dales+Community");
        Assert.Contains("0 organisations", closed, StringComparison.Ordinal);
        var withClosed = await staff.GetPageAsync("/organisations?Search=Dales+Community&Show=closed");
        Assert.Contains("Dales Community NHS Trust", withClosed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nonsense_filter_in_the_address_is_answered_400_with_the_list_still_shown()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        var page = await staff.GetPageAsync("/organisations?Sector=Banana", HttpStatusCode.BadRequest);
        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.Contains("Department for Work and Pensions", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_an_organisation_and_sees_it_with_its_history()
    {
        var admin = await AdminAsync();
        var response = await admin.PostFormAsync("/organisations/new", Fields("Westbrook Hospital NHS Trust", ods: "zw9"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Westbrook Hospital NHS Trust", details, StringComparison.Ordinal);
        Assert.Contains("ZW9", details, StringComparison.Ordinal);
        Assert.Contains("The organisation has been added to the register.", details, StringComparison.Ordinal);
        Assert.Contains("Register organisation", details, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_form_is_answered_400_with_a_message_for_each_question()
    {
        var admin = await AdminAsync();
        var response = await admin.PostFormAsync("/organisations/new", [new("Input.Name", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Error: Add an organisation", page, StringComparison.Ordinal);
        // Every question has its message, and the error summary lists them in the form's order.
        var summary = page[page.IndexOf("govuk-error-summary__list", StringComparison.Ordinal)..page.IndexOf("</ul>", page.IndexOf("govuk-error-summary__list", StringComparison.Ordinal), StringComparison.Ordinal)];
        var positions = new[]
        {
            "Enter the organisation&#x27;s name", "Select the type of organisation", "Select the sector", "Select the nation the organisation is in",
            "Select yes if the ombudsman can look at complaints about this organisation", "Select yes if this organisation is a partner",
        }.Select(message => summary.IndexOf(message, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);

        Assert.Contains("href=\"#Input_Name\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GovernmentDepartment", "Health", "England", "A government department is in the parliamentary sector")]
    [InlineData("GpPractice", "Parliamentary", "England", "A GP practice is in the health sector")]
    [InlineData("NhsTrust", "Health", "Scotland", "The ombudsman can only look at NHS bodies in England")]
    public async Task Details_that_do_not_fit_together_are_refused_and_nothing_typed_is_lost(string type, string sector, string nation, string message)
    {
        var admin = await AdminAsync();
        var response = await admin.PostFormAsync("/organisations/new", Fields("Misfiled body", type, sector, nation, ods: "Q12"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("value=\"Misfiled body\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Q12\"", page, StringComparison.Ordinal);
        Assert.Matches($"value=\"{type}\" checked", page);
    }

    [Fact]
    public async Task A_name_or_ods_code_already_in_the_register_is_refused()
    {
        var admin = await AdminAsync();
        var sameName = await admin.PostFormAsync("/organisations/new", Fields("  northmoor hospitals   nhs foundation trust "));
        Assert.Equal(HttpStatusCode.BadRequest, sameName.StatusCode);
        Assert.Contains("There is already an organisation called northmoor hospitals nhs foundation trust in the register", await sameName.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sameCode = await admin.PostFormAsync("/organisations/new", Fields("Another trust", ods: "zn1"));
        Assert.Equal(HttpStatusCode.BadRequest, sameCode.StatusCode);
        Assert.Contains("Another organisation in the register has the ODS code ZN1", await sameCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_admins_editing_at_once_the_second_gets_a_conflict_and_keeps_what_they_typed()
    {
        var admin = await AdminAsync();
        var created = await admin.PostFormAsync("/organisations/new", Fields("Eastmere Surgery", "GpPractice"));
        var url = created.Headers.Location!.OriginalString;
        var editPage = await admin.GetPageAsync(url + "/edit");
        var version = VersionField().Match(editPage).Groups[1].Value;

        var first = await admin.PostFormAsync(url + "/edit", [.. Fields("Eastmere Surgery (renamed)", "GpPractice"), new("Input.Version", version)]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await admin.PostFormAsync(url + "/edit", [.. Fields("Eastmere Medical Centre", "GpPractice"), new("Input.Version", version)]);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this record while you were working on it", page, StringComparison.Ordinal);
        Assert.Contains("Name: Eastmere Surgery (renamed)", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Eastmere Medical Centre\"", page, StringComparison.Ordinal);

        // Saving again from the conflict page is a deliberate overwrite, and succeeds.
        var newVersion = VersionField().Match(page).Groups[1].Value;
        var third = await admin.PostFormAsync(url + "/edit", [.. Fields("Eastmere Medical Centre", "GpPractice"), new("Input.Version", newVersion)]);
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Contains("Eastmere Medical Centre", await admin.GetPageAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_needs_a_reason_and_can_be_undone_and_both_are_in_the_history()
    {
        var admin = await AdminAsync();
        var created = await admin.PostFormAsync("/organisations/new", Fields("Southgate Community Trust"));
        var url = created.Headers.Location!.OriginalString;
        var closePage = await admin.GetPageAsync(url + "/close");
        var version = VersionField().Match(closePage).Groups[1].Value;

        var noReason = await admin.PostFormAsync(url + "/close", ("Input.Reason", " "), ("Input.Version", version));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Enter why the organisation closed", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var closed = await admin.PostFormAsync(url + "/close", ("Input.Reason", "Merged into Riverside Community Health NHS Trust"), ("Input.Version", version));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("This organisation closed on", await admin.GetPageAsync(url), StringComparison.Ordinal);

        var reopenPage = await admin.GetPageAsync(url + "/reopen");
        var reopened = await admin.PostFormAsync(url + "/reopen", ("version", ReopenVersion().Match(reopenPage).Groups[1].Value));
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var details = await admin.GetPageAsync(url);
        Assert.DoesNotContain("This organisation closed on", details, StringComparison.Ordinal);
        Assert.Contains("Close organisation", details, StringComparison.Ordinal);
        Assert.Contains("Reopen organisation", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organisation_is_a_404()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Caseworker);
        var page = await staff.GetPageAsync($"/organisations/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        Assert.Contains("Page not found", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex ReopenVersion();
}
