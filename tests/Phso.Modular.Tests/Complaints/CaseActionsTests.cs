using System.Text.Json;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.Modules.Complaints.Persistence;
using Phso.Modules.Complaints.Pages.Cases;

namespace Phso.Modular.Tests.Complaints;

/// <summary>The steps a case allows are worked out once (<see cref="CaseActions.Allowed"/>, beside the stage table):
/// for every demo case, at every stage it is in, the case page offers exactly those and the API lists exactly those.</summary>
[Collection(DemoHostCollection.Name)]
public sealed partial class CaseActionsTests(PhsoFactory host)
{
    [Fact]
    public async Task The_case_page_and_the_api_offer_exactly_the_steps_the_stage_rules_allow()
    {
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);
        List<string> references;
        await using (var scope = host.SystemScope())
        {
            references = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Complaints.Select(c => c.Reference).ToListAsync();
        }

        var stagesSeen = new HashSet<CaseStage>();
        foreach (var reference in references)
        {
            IReadOnlyList<CaseAction> allowed;
            await using (var scope = host.SystemScope())
            {
                var view = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetCase(reference));
                allowed = view!.Actions;
                stagesSeen.Add(view.Complaint.Stage);
            }

            var page = await caseworker.GetPageAsync($"/cases/{reference}");
            var offered = ActionButton().Matches(page).Select(m => m.Groups[2].Value).ToHashSet();
            Assert.Equal(allowed.Select(a => CaseActionLinks.Of(a).Href).ToHashSet(), offered);

            using var resource = JsonDocument.Parse(await caseworker.GetStringAsync(new Uri($"/api/cases/{reference}", UriKind.Relative)));
            Assert.Equal(allowed.Select(a => a.ToString()), resource.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        }

        // The demo covers enough of the stage machine for this to mean something.
        Assert.True(stagesSeen.Count >= 5, string.Join(", ", stagesSeen));
    }

    /// <summary>The stage's steps are the page's buttons; the links beside them (message, note, assign) are always there.</summary>
    [GeneratedRegex("<a href=\"/cases/(PSO-[0-9-]+)/([a-z-]+)\" role=\"button\"")]
    private static partial Regex ActionButton();
}
