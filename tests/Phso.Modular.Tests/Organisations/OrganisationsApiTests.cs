using System.Net;
using Phso.SharedKernel.Domain;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Organisations;

[Collection(DemoHostCollection.Name)]
public sealed class OrganisationsApiTests(PhsoFactory host)
{
    private static readonly object NewBody = new
    {
        name = "Office of the Example Regulator", type = "OtherPublicBody", sector = "Parliamentary", nation = "England", inRemit = true, isPartner = false,
    };

    [Fact]
    public async Task Staff_read_the_register_as_json_with_names_for_enums()
    {
        var client = host.CreateBrowser();
        await client.SignInAsync(Demo.Caseworker);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/organisations?sector=Parliamentary&pageSize=5"));
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 10);
        var first = json.RootElement.GetProperty("items")[0];
        Assert.Equal("Parliamentary", first.GetProperty("sector").GetString());
    }

    [Fact]
    public async Task An_admin_registers_and_changes_an_organisation_and_a_stale_change_is_a_409()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var created = await admin.PostAsJsonAsync("/api/organisations", NewBody);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organisation = await created.Content.ReadFromJsonAsync<JsonElement>();
        var location = created.Headers.Location!.OriginalString;
        var version = organisation.GetProperty("version").GetInt32();

        var change = new { version, name = "Office of the Example Regulator (England)", type = "OtherPublicBody", sector = "Parliamentary", nation = "England", inRemit = true, isPartner = true };
        var updated = await admin.PutAsJsonAsync(location, change);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.True((await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isPartner").GetBoolean());

        var stale = await admin.PutAsJsonAsync(location, change);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_input_gets_a_400_validation_problem_naming_each_field()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var response = await admin.PostAsJsonAsync("/api/organisations", new { name = "", type = "NhsTrust", sector = "Parliamentary" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("Enter the organisation's name", errors.GetProperty("Name")[0].GetString());
        Assert.Equal("An NHS trust is in the health sector", errors.GetProperty("Sector")[0].GetString());
        Assert.True(errors.TryGetProperty("Nation", out _));
    }

    [Fact]
    public async Task Unreadable_json_gets_a_400_problem_not_a_500()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var response = await admin.PostAsync("/api/organisations", new StringContent("{ \"name\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        var response = await staff.GetAsync($"/api/organisations/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Refusals_are_401_for_nobody_and_403_for_the_wrong_role()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateBrowser().GetAsync("/api/organisations")).StatusCode);
        var publisher = host.CreateBrowser();
        await publisher.SignInAsync(Demo.Publisher);
        Assert.Equal(HttpStatusCode.Forbidden, (await publisher.PostAsJsonAsync("/api/organisations", NewBody)).StatusCode);
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PutAsJsonAsync($"/api/organisations/{Guid.NewGuid()}", NewBody)).StatusCode);
        var partner = host.CreateBrowser();
        await partner.SignInAsync(Demo.PartnerLead);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/organisations")).StatusCode);
    }
}
