using System.Net;
using Phso.SharedKernel.Domain;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Phso.Modular.Tests.ApiClient;
using Phso.Modular.Tests.Infrastructure;
using Client = Phso.Modular.Tests.ApiClient.Models;

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
        var page = await client.Api().Api.Organisations.GetAsync(q =>
        {
            q.QueryParameters.Sector = Client.Sector.Parliamentary;
            q.QueryParameters.PageSize = 5;
        });
        Assert.True(page!.Total >= 10);
        Assert.Equal(5, page.Items!.Count);
        Assert.All(page.Items, o => Assert.Equal(Client.Sector.Parliamentary, o.Sector));
    }

    [Fact]
    public async Task An_admin_registers_and_changes_an_organisation_and_a_stale_change_is_a_409()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var api = admin.Api().Api.Organisations;
        var created = await api.PostAsync(new Client.RegisterOrganisation
        {
            Name = "Office of the Example Regulator", Type = Client.OrganisationType.OtherPublicBody, Sector = Client.Sector.Parliamentary,
            Nation = Client.Nation.England, InRemit = true, IsPartner = false,
        });
        Assert.Equal("Office of the Example Regulator", created!.Name);

        var change = new Client.OrganisationChanges
        {
            Version = created.Version, Name = "Office of the Example Regulator (England)", Type = Client.OrganisationType.OtherPublicBody,
            Sector = Client.Sector.Parliamentary, Nation = Client.Nation.England, InRemit = true, IsPartner = true,
        };
        var updated = await api[created.Id!.Value].PutAsync(change);
        Assert.True(updated!.IsPartner);
        Assert.Equal(updated.Name, (await api[created.Id.Value].GetAsync())!.Name);

        var stale = await Assert.ThrowsAsync<Client.ProblemDetails>(() => api[created.Id.Value].PutAsync(change));
        Assert.Equal(409, stale.ResponseStatusCode);
    }

    [Fact]
    public async Task Invalid_input_gets_a_400_validation_problem_naming_each_field()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        var refused = await Assert.ThrowsAsync<Client.ProblemDetails>(() => admin.Api().Api.Organisations.PostAsync(new Client.RegisterOrganisation
        {
            Name = "", Type = Client.OrganisationType.NhsTrust, Sector = Client.Sector.Parliamentary,
        }));
        Assert.Equal(400, refused.ResponseStatusCode);
        var errors = refused.Errors!.AdditionalData;
        Assert.Equal("Enter the organisation's name", Assert.IsType<Microsoft.Kiota.Abstractions.Serialization.UntypedArray>(errors["Name"]).GetValue().OfType<Microsoft.Kiota.Abstractions.Serialization.UntypedString>().Single().GetValue());
        Assert.True(errors.ContainsKey("Sector"));
        Assert.True(errors.ContainsKey("Nation"));
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
        var missing = await Assert.ThrowsAsync<Client.ProblemDetails>(() => staff.Api().Api.Organisations[Guid.NewGuid()].GetAsync());
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("There is no organisation with that id in the register.", missing.Title);
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
