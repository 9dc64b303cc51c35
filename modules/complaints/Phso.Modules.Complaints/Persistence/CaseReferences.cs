using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Phso.Modules.Complaints.Persistence;

internal static class CaseReferences
{
    /// <summary>The next reference of the year, such as PSO-2026-00042. SQLite runs one writer at a time and this runs
    /// inside the caller's transaction, so two submissions never get the same number.</summary>
    public static async Task<string> NextReferenceAsync(this ComplaintsDbContext db, int year, string prefix, CancellationToken cancellationToken)
    {
        var counter = await db.ReferenceCounters.SingleOrDefaultAsync(c => c.Year == year, cancellationToken);
        if (counter is null)
        {
            counter = new ReferenceCounter { Year = year };
            db.ReferenceCounters.Add(counter);
        }

        counter.Last++;
        await db.SaveChangesAsync(cancellationToken);
        return $"{prefix}-{year}-{counter.Last.ToString("00000", CultureInfo.InvariantCulture)}";
    }
}
