using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Complaints;
using Phso.Modules.Complaints.DemoData;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Organisations.Contracts;

namespace Phso.Modular.Tests.Infrastructure;

/// <summary>Values from the demo data for every route parameter the service has, so that a test can visit every page
/// and endpoint: the Coldharbour case at its provisional view (it has a partner plugin's local questions), its private
/// link, an organisation, a course, a person and a team; for recommendations' pages, Coldharbour's closed upheld case
/// and one of its recommendations.</summary>
public static class DemoRoutes
{
    public static async Task<IReadOnlyDictionary<string, string>> ValuesAsync(PhsoFactory host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var course = (await mediator.Send(new Phso.Modules.Training.Features.Authoring.ListCourses()))[0].Id.ToString();
        // Coldharbour's upheld, closed case: its recommendations are the partner lead's to answer.
        var decided = await host.DemoCaseAsync(CaseStage.Closed, "Coldharbour");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{reference}"] = await host.DemoCaseAsync(CaseStage.ProvisionalView, "Coldharbour"),
            ["{token}"] = DemoCases.ProvisionalViewToken,
            ["{organisation}"] = (await mediator.Send(new FindOrganisations("Northmoor Hospitals"))).Items[0].Id.ToString(),
            ["{course}"] = course,
            ["{person}"] = (await host.PersonAsync(Demo.Staff)).ToString(),
            ["{team}"] = (await mediator.Send(new Phso.Modules.Accounts.Contracts.GetTeams()))[0].Id.ToString(),
            ["{decided}"] = decided,
            ["{recommendation}"] = (await mediator.Send(new Phso.Modules.Recommendations.Contracts.GetIssuedRecommendations(decided)))
                .First(r => r.Status == Phso.Modules.Recommendations.Contracts.RecommendationStatus.Accepted).Id.ToString(),
        };
    }

    /// <summary>The route with its parameters filled from <paramref name="values"/>.</summary>
    public static string Fill(string route, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(values);
        if (route.Contains("recommendations", StringComparison.Ordinal))
        {
            route = route.Replace("{reference}", values["{decided}"], StringComparison.Ordinal).Replace("{id:guid}", values["{recommendation}"], StringComparison.Ordinal);
        }

        var id = route.Contains("courses", StringComparison.Ordinal) ? values["{course}"]
            : route.Contains("people", StringComparison.Ordinal) ? values["{person}"]
            : route.Contains("teams", StringComparison.Ordinal) ? values["{team}"]
            : values["{organisation}"];
        var filled = route.Replace("{id:guid}", id, StringComparison.Ordinal).Replace("{organisationId:guid}", values["{organisation}"], StringComparison.Ordinal)
            .Replace("{reference}", values["{reference}"], StringComparison.Ordinal).Replace("{token}", values["{token}"], StringComparison.Ordinal)
            .Replace("{check}", "InTime", StringComparison.Ordinal).Replace("{key?}", "equality-act", StringComparison.Ordinal).Replace("{key}", "equality-act", StringComparison.Ordinal)
            .Replace("{number:int}", "1", StringComparison.Ordinal).Replace("{code}", "AAAA-BBBB-CCCC", StringComparison.Ordinal).Replace("{sha256}", new string('0', 64), StringComparison.Ordinal)
            .Replace("{id}", "coldharbour-complaint-standard", StringComparison.Ordinal).Replace("{fileId:guid}", values["{organisation}"], StringComparison.Ordinal);
        // A segment limited to a list of words ({action:regex(^(accept|refuse)$)}) takes the first word.
        return System.Text.RegularExpressions.Regex.Replace(filled, @"\{[a-z]+:regex\(\^\(([a-z-]+)[^}]*\}", m => m.Groups[1].Value);
    }
}
