using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.ScaleData;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Persistence;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;

namespace Phso.Modular.Tests.Scale;

/// <summary>seed-scale at a small size: what it writes is what the application itself would have (stages reached
/// through the domain, references in the order received, audit entries, accounts that sign in, certificates superseded
/// cycle by cycle), the same seed writes the same data, a second run writes nothing, and Production refuses it.</summary>
public sealed class ScaleDataTests
{
    private static readonly ScalePlan Plan = new(Cases: 400, People: 150, Enrolments: 900, Seed: 7);

    [Fact]
    public async Task Writes_cases_people_and_training_records_as_the_application_would_and_only_once()
    {
        using var host = new PhsoFactory();
        List<Guid> demo;
        await using (var before = host.SystemScope())
        {
            demo = await before.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Complaints.Select(c => c.Id).ToListAsync();

            // A page has just listed the caseworkers, so the list is kept: the scale cases must still go to the
            // caseworkers the scale data adds.
            await before.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Phso.Modules.Accounts.Contracts.FindPeople(Phso.SharedKernel.Security.Roles.Caseworker));
        }

        await host.SeedAsync(Plan);
        await using var scope = host.SystemScope();
        var complaints = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var cases = await complaints.Complaints.AsNoTracking().Where(c => !demo.Contains(c.Id)).OrderBy(c => c.ReceivedAt)
            .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.Stage, c.AssignedToId }).ToListAsync();
        Assert.Equal(Plan.Cases, cases.Count);
        Assert.True(cases.Select(c => c.AssignedToId).Distinct().Count() > 5, "the cases went to the demo's caseworker alone");
        Assert.True(cases.Select(c => c.Stage).Distinct().Count() >= 7, string.Join(", ", cases.Select(c => c.Stage).Distinct()));
        Assert.Equal(cases.Count, cases.Select(c => c.Reference).Distinct().Count());

        // Within each year the numbers run in the order the cases arrived, as live numbering gives them.
        foreach (var year in cases.GroupBy(c => c.Reference[..8]))
        {
            var received = year.OrderBy(c => int.Parse(c.Reference[9..], CultureInfo.InvariantCulture)).Select(c => c.ReceivedAt).ToList();
            Assert.Equal(received.Order(), received);
        }

        var oldest = cases[0];
        var events = await complaints.Events.AsNoTracking().CountAsync(e => e.ComplaintId == oldest.Id);
        Assert.True(events >= 3, $"{oldest.Reference} has {events} timeline entries");
        Assert.True(await complaints.AuditEntries.AnyAsync(a => a.RecordId == oldest.Id.ToString() && a.Command == "SeedScaleData" && a.Action == "Created"));
        Assert.True(await complaints.Clocks.AnyAsync(k => k.ComplaintId == oldest.Id));

        var training = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        Assert.True(await training.Enrolments.CountAsync() >= Plan.Enrolments);
        Assert.True(await training.Enrolments.AnyAsync(e => e.ArchivedAt != null));
        var superseded = await training.Certificates.AsNoTracking().Where(c => c.SupersededById != null).Select(c => c.SupersededById).FirstAsync();
        Assert.True(await training.Certificates.AnyAsync(c => c.Id == superseded));
        Assert.True(await training.Enrolments.AnyAsync(e => e.DueOn != null && e.DueOn < DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime) && e.Status != EnrolmentStatus.Completed));

        // About three recommendations on each upheld case, each where the domain's moves put it, several statuses.
        var recommendations = await scope.ServiceProvider.GetRequiredService<Phso.Modules.Recommendations.Persistence.RecommendationsDbContext>().Recommendations.AsNoTracking()
            .Where(r => r.CaseworkerName != "Tom Okafor").Select(r => new { r.CaseReference, r.Status, Steps = r.Steps.Count }).ToListAsync();
        var perCase = recommendations.GroupBy(r => r.CaseReference).Average(g => g.Count());
        Assert.InRange(perCase, 2.0, 4.0);
        Assert.True(recommendations.Select(r => r.Status).Distinct().Count() >= 6, string.Join(", ", recommendations.Select(r => r.Status).Distinct()));
        Assert.All(recommendations, r => Assert.True(r.Steps >= 1));

        // A scale account signs in with the demo password and sees the queue, which counts the cases.
        var caseworker = await scope.ServiceProvider.GetRequiredService<Phso.Modules.Accounts.Persistence.AccountsDbContext>().Users.AsNoTracking()
            .Where(p => p.Email!.EndsWith("@" + ScalePeople.StaffDomain) && p.IsActive && p.LineManagerId != null)
            .Join(scope.ServiceProvider.GetRequiredService<Phso.Modules.Accounts.Persistence.AccountsDbContext>().UserRoles, p => p.Id, r => r.UserId, (p, r) => new { p.Email, r.RoleId })
            .Where(p => p.RoleId == Phso.Modules.Accounts.Persistence.AccountsDbContext.RoleIds[Phso.SharedKernel.Security.Roles.Caseworker])
            .Select(p => p.Email!).FirstAsync();
        var browser = host.CreateBrowser();
        await browser.SignInAsync(caseworker);
        Assert.Contains("govuk-pagination", await browser.GetPageAsync("/cases"), StringComparison.Ordinal);

        // The training clock's first run over the year's records sends each reminder once, however many chunks it
        // takes, recorded one for one; a second run sends nothing.
        var reminders = host.Services.GetRequiredService<Phso.Modules.Training.Features.Reminders.TrainingReminders>();
        var sent = await reminders.RunAsync(CancellationToken.None);
        Assert.True(sent > 0);
        var recorded = await training.Reminders.AsNoTracking().Select(r => new { r.EnrolmentId, r.RecipientId, r.Kind, r.About }).ToListAsync();
        Assert.Equal(sent, recorded.Count);
        Assert.Equal(recorded.Count, recorded.Distinct().Count());
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None));

        // A second run finds the data there and writes nothing.
        var again = new StringWriter();
        await host.Services.SeedScaleDataAsync(Plan, again, CancellationToken.None);
        Assert.Equal("", again.ToString());
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_people_and_cases()
    {
        var small = Plan with { Cases = 60, People = 40, Enrolments = 100 };
        using var first = new PhsoFactory();
        using var second = new PhsoFactory();
        await first.SeedAsync(small);
        await second.SeedAsync(small);
        Assert.Equal(await SummaryAsync(first), await SummaryAsync(second));

        static async Task<string> SummaryAsync(PhsoFactory host)
        {
            await using var scope = host.SystemScope();
            var cases = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Complaints.AsNoTracking()
                .OrderBy(c => c.Reference).Select(c => c.Reference + " " + c.Person.Name + " " + c.BodyName + " " + c.Stage).ToListAsync();
            var people = await scope.ServiceProvider.GetRequiredService<Phso.Modules.Accounts.Persistence.AccountsDbContext>().Users.AsNoTracking()
                .OrderBy(p => p.Email).Select(p => p.Email).ToListAsync();
            return string.Join("\n", cases.Concat(people));
        }
    }

    [Fact]
    public async Task Production_refuses_scale_data()
    {
        using var host = new ProductionHost();
        var refused = await Assert.ThrowsAsync<DatabaseNotPreparedException>(() => host.Services.SeedScaleDataAsync(Plan, TextWriter.Null, CancellationToken.None));
        Assert.Contains("cannot be written in Production", refused.Message, StringComparison.Ordinal);
    }

    private sealed class ProductionHost : PhsoFactory
    {
        public ProductionHost()
        {
            EnvironmentName = "Production";
            Settings["Hosting:PublicBaseUrl"] = "https://phso.example";
        }
    }
}

internal static class ScaleSeeding
{
    public static async Task SeedAsync(this PhsoFactory host, ScalePlan plan)
    {
        _ = host.Services;
        var output = new StringWriter();
        await host.Services.SeedScaleDataAsync(plan, output, CancellationToken.None);
        Assert.Contains("complaints:", output.ToString(), StringComparison.Ordinal);
    }
}
