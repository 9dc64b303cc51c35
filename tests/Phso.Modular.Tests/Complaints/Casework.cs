using System.Net;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.Modules.Organisations.Contracts;

namespace Phso.Modular.Tests.Complaints;

/// <summary>What a caseworker does on the case pages, as a browser does it.</summary>
public static class Casework
{
    /// <summary>Takes an action on a case's page and checks it went back to the case with a confirmation.</summary>
    public static async Task ActAsync(this HttpClient caseworker, string reference, string action, params (string Name, string Value)[] fields)
    {
        var response = await caseworker.SubmitAsync($"/cases/{reference}/{action}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action} on {reference} answered {(int)response.StatusCode}: {Browser.Excerpt(await response.Content.ReadAsStringAsync())}");
        Assert.Equal($"/cases/{reference}", response.Headers.Location?.OriginalString);
    }

    /// <summary>Takes an action that must be refused; returns the page shown again, with its status.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> RefusedAsync(this HttpClient caseworker, string reference, string action, params (string Name, string Value)[] fields)
    {
        var response = await caseworker.SubmitAsync($"/cases/{reference}/{action}", fields);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<CaseView> CaseAsync(this PhsoFactory host, string reference)
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetCase(reference)))!;
    }

    public static async Task<Guid> OrganisationAsync(this PhsoFactory host, string name)
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FindOrganisations(name))).Items[0].Id;
    }

    public static async Task<Guid> PersonAsync(this PhsoFactory host, string email)
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FindPeople())).Single(p => p.Email == email).Id;
    }

    public static (string, string)[] Date(string field, DateOnly date) =>
    [
        ($"{field}.Day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ($"{field}.Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ($"{field}.Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
