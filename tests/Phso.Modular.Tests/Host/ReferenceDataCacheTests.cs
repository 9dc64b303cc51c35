using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.Modules.Complaints.Features.Timeliness;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modular.Tests.Host;

/// <summary>Reference data and the dashboard are kept for a while to spare the database; what this host changes is
/// seen at once, and the dashboard is worked out again once its minute has passed.</summary>
public sealed class ReferenceDataCacheTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    [Fact]
    public async Task A_body_registered_or_closed_shows_in_the_register_lists_at_once()
    {
        var before = await SendAsync(new ListOrganisations(InRemit: true));
        var id = await SendAsync(new RegisterOrganisation("Wendlebury Community NHS Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, false, null));
        var after = await SendAsync(new ListOrganisations(InRemit: true));
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(after, o => o.Id == id);

        var registered = after.Single(o => o.Id == id);
        await SendAsync(new CloseOrganisation(id, registered.Version, "Merged"));
        Assert.DoesNotContain(await SendAsync(new ListOrganisations(InRemit: true)), o => o.Id == id);
    }

    [Fact]
    public async Task A_new_caseworker_is_in_the_list_of_caseworkers_at_once()
    {
        var before = await SendAsync(new FindPeople(Roles.Caseworker));
        var id = await SendAsync(new CreatePerson("Noor Castellan", "noor.castellan@ombudsman.example", PersonKind.Staff, [Roles.Caseworker], null, null, null, null));
        var after = await SendAsync(new FindPeople(Roles.Caseworker));
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(after, p => p.Id == id);
    }

    [Fact]
    public async Task The_dashboard_says_when_its_figures_were_worked_out_and_works_them_out_again_after_a_minute()
    {
        var first = await SendAsync(new GetTimeliness(Sector.Parliamentary, 6));
        Assert.Same(first, await SendAsync(new GetTimeliness(Sector.Parliamentary, 6)));
        Assert.Equal(host.Clock.GetUtcNow(), first.CalculatedAt, TimeSpan.FromSeconds(5));

        host.Clock.Advance(KeptFigures<GetTimeliness, TimelinessReport>.Lifetime + TimeSpan.FromSeconds(1));
        var later = await SendAsync(new GetTimeliness(Sector.Parliamentary, 6));
        Assert.NotSame(first, later);
        Assert.True(later.CalculatedAt > first.CalculatedAt);
    }

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}
