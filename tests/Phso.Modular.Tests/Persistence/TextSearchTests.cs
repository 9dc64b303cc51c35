using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.Features.FindPeople;

namespace Phso.Modular.Tests.Persistence;

/// <summary>Searching ignores case and takes %, _ and \ literally, on each engine (.ci/test runs these on SQLite and
/// again on PostgreSQL, where LIKE alone would be case-sensitive).</summary>
[Collection(DemoHostCollection.Name)]
public sealed class TextSearchTests(PhsoFactory host)
{
    [Theory]
    [InlineData("Tom Okafor")]
    [InlineData("tom okafor")]
    [InlineData("TOM OKA")]
    [InlineData("  okafor ")]
    [InlineData("CASEWORKER@OMBUDSMAN")]
    public async Task A_person_is_found_by_any_case_of_their_name_or_address(string text)
    {
        var found = await SearchAsync(text);
        Assert.Contains(found.Items, p => p.Email == Demo.Caseworker);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("Tom%Okafor")]
    public async Task Wildcards_match_only_themselves(string text)
    {
        Assert.Empty((await SearchAsync(text)).Items);
    }

    private async Task<PeoplePage> SearchAsync(string text)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SearchPeople(text, null, IncludeInactive: true, Page: 1, PageSize: 50));
    }
}
