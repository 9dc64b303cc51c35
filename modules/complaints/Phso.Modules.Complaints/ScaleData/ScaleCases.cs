using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Complaints.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Complaints.ScaleData;

/// <summary>
/// Casework at scale: the plan's cases, received on working days spread over the last three years (about a third of
/// them each year, as an ombudsman of this size receives), numbered in the order they arrived after the demo's, each
/// told by <see cref="ScaleCaseStory"/>, about the register's bodies and worked by its caseworkers; a few
/// investigations with a document (a small PDF stored as uploads are). Saved a thousand cases to a unit of work.
/// </summary>
internal static class ScaleCases
{
    private const int YearsBack = 3;

    public static async Task<string?> SeedAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ComplaintsDbContext>();
        if (plan.Cases == 0 || await db.HasScaleDataAsync(cancellationToken))
        {
            return null;
        }

        var mediator = services.GetRequiredService<IMediator>();
        var bodies = await mediator.Send(new ListOrganisations(), cancellationToken);
        var caseworkers = await mediator.Send(new FindPeople(Role: Roles.Caseworker), cancellationToken);
        var options = services.GetRequiredService<IOptions<ComplaintsOptions>>().Value;
        var calendar = services.GetRequiredService<IWorkingDayCalendar>();
        var now = CaseTime.From(services.GetRequiredService<TimeProvider>());
        var context = new ScaleCaseContext(bodies, caseworkers, services.GetRequiredService<CharterClockRules>(), options, calendar, now, (YearsBack * 253) + 60);
        if (!context.HasCaseworkers)
        {
            throw new InvalidOperationException("Scale cases need caseworkers: the accounts module's scale data (or the demo's) comes first.");
        }

        var faker = plan.FakerFor(ComplaintsDbContext.Module);
        var story = new ScaleCaseStory(faker, context);
        var evidence = services.GetRequiredService<EvidenceStore>();
        var counters = await db.ReferenceCounters.ToDictionaryAsync(c => c.Year, c => c.Last, cancellationToken);

        // Oldest first, so that references run in the order cases arrived.
        var received = Enumerable.Range(0, plan.Cases).Select(_ => (Ago: faker.Random.Int(1, YearsBack * 253), Hour: faker.Random.Int(8, 20)))
            .OrderByDescending(r => r.Ago).ThenBy(r => r.Hour).ToList();
        var pending = 0;
        var documents = 0;
        foreach (var (ago, hour) in received)
        {
            var year = context.At(ago).Today.Year;
            counters[year] = counters.GetValueOrDefault(year) + 1;
            var complaint = story.Tell(ago, hour, $"{options.ReferencePrefix}-{year}-{counters[year].ToString("00000", CultureInfo.InvariantCulture)}");
            foreach (var (fileName, addedAgo) in story.Documents)
            {
                await using var content = new MemoryStream(Pdf);
                complaint.AddDocument(await evidence.SaveForCaseAsync(complaint.Id, fileName, content, story.Caseworker.Name, fromComplainant: false, cancellationToken), story.Caseworker, context.At(addedAgo));
                documents++;
            }

            db.Complaints.Add(complaint);
            if (++pending == ScalePlan.BatchSize)
            {
                await db.InsertAddedAsync(cancellationToken);
                pending = 0;
            }
        }

        await db.InsertAddedAsync(cancellationToken);
        foreach (var counter in await db.ReferenceCounters.ToListAsync(cancellationToken))
        {
            counter.Last = counters[counter.Year];
            counters.Remove(counter.Year);
        }

        db.ReferenceCounters.AddRange(counters.Select(c => new ReferenceCounter { Year = c.Key, Last = c.Value }));
        await db.SaveChangesAsync(cancellationToken);
        var open = await db.Complaints.CountAsync(c => c.Stage != CaseStage.Decided && c.Stage != CaseStage.Closed && c.Stage != CaseStage.Declined && c.Stage != CaseStage.Withdrawn, cancellationToken);
        var events = await db.Events.CountAsync(cancellationToken);
        return $"{plan.Cases:N0} cases ({open:N0} open in all), {events:N0} timeline entries, {documents:N0} documents";
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
