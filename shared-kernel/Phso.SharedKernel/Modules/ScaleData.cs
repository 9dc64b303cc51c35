using System.Diagnostics;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.SharedKernel.Modules;

/// <summary>How much data the host's <c>seed-scale</c> command writes: a year or more of a real ombudsman's work, for
/// the load benchmark and for trying pages at the size they will meet.</summary>
/// <param name="Cases">Complaints, received over the last three years, at every stage.</param>
/// <param name="People">Accounts: staff in teams with line managers, and partner organisations' handlers.</param>
/// <param name="Enrolments">Training records, current and archived, with attempts and certificates.</param>
/// <param name="Seed">The random seed: the same seed writes the same data (ids and dates relative to today aside).</param>
public sealed record ScalePlan(int Cases, int People, int Enrolments, int Seed)
{
    /// <summary>A British-English data generator for one module, seeded from the plan and the module's name, so that
    /// one module's data does not change when another's does.</summary>
    public Faker FakerFor(string module)
    {
        ArgumentNullException.ThrowIfNull(module);
        // string.GetHashCode differs between processes; this one does not.
        var hash = module.Aggregate(17, (sum, c) => unchecked((sum * 31) + c));
        return new Faker("en_GB") { Random = new Randomizer(unchecked((Seed * 7919) + hash)) };
    }

    /// <summary>Rows saved per unit of work: enough to amortise a round trip, few enough to keep the change tracker small.</summary>
    public const int BatchSize = 1_000;
}

public static class ScaleData
{
    /// <summary>The unit of work's operation while scale data is written: its audit entries say so.</summary>
    public const string Operation = "SeedScaleData";

    /// <summary>Whether this module's scale data has been written: its audit trail says so.</summary>
    public static Task<bool> HasScaleDataAsync(this IModuleDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AuditEntries.AnyAsync(a => a.Command == Operation, cancellationToken);
    }

    /// <summary>Writes every module's scale data, in dependency order, after the demo data (whose accounts sign in to
    /// see it). A module that finds its scale data already written writes nothing. Never in Production.</summary>
    public static async Task SeedScaleDataAsync(this IServiceProvider services, ScalePlan plan, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            throw new DatabaseNotPreparedException("Scale data cannot be written in Production: it is invented data for measuring speed.");
        }

        await services.PrepareDatabaseAsync(seedDemoData: true, cancellationToken);
        foreach (var module in services.GetRequiredService<ModuleCatalogue>().Modules)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("scale data");
            scope.ServiceProvider.GetRequiredService<UnitOfWorkContext>().Operation = Operation;
            var wrote = await module.Module.SeedScaleDataAsync(plan, scope.ServiceProvider, cancellationToken);

            // Bulk inserts bypass the contexts' saves, which empty the reference-data caches: the next module must see
            // the people and bodies just written, not a list kept from the demo data.
            (services.GetService<Microsoft.Extensions.Caching.Memory.IMemoryCache>() as Microsoft.Extensions.Caching.Memory.MemoryCache)?.Clear();
            if (wrote is not null)
            {
                await output.WriteLineAsync($"{module.Module.Name}: {wrote} ({watch.Elapsed.TotalSeconds:N1} s)");
            }
        }

        await services.GetRequiredService<DatabaseSettings>().RefreshPlannerStatisticsAsync(all: true, cancellationToken);
    }

    /// <summary>Adds the rows in units of work of <see cref="ScalePlan.BatchSize"/> roots, written by
    /// <see cref="BulkInsert"/> (each row still gets its audit entry), the change tracker cleared after each. Returns
    /// how many roots were saved.</summary>
    public static async Task<int> SaveInBatchesAsync<T>(this DbContext db, IEnumerable<T> rows, CancellationToken cancellationToken, int batchSize = ScalePlan.BatchSize)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var saved = 0;
        var pending = 0;
        foreach (var row in rows)
        {
            db.Add(row);
            if (++pending == batchSize)
            {
                saved += await FlushAsync(db, pending, cancellationToken);
                pending = 0;
            }
        }

        return saved + await FlushAsync(db, pending, cancellationToken);
    }

    private static async Task<int> FlushAsync(DbContext db, int pending, CancellationToken cancellationToken)
    {
        if (pending > 0)
        {
            await db.InsertAddedAsync(cancellationToken);
        }

        return pending;
    }
}
