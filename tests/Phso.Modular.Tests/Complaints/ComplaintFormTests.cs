using System.Net;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Organisations.Contracts;

namespace Phso.Modular.Tests.Complaints;

[Collection(DemoHostCollection.Name)]
public sealed class ComplaintFormTests(PhsoFactory host)
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
        Assert.Matches("^PSO-2026-\\d{5}$", submitted.Reference);
        await host.FlushAsync();
        var email = host.EmailsTo("margaret.collins@example.com")[^1];
        Assert.Equal($"We have received your complaint {submitted.Reference}", email.Subject);
        Assert.Contains(submitted.Link, email.Body, StringComparison.Ordinal);
    }
}
