using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Phso.SharedKernel.Persistence;

/// <summary>A queued piece of work (an outbox message, an email) that any host may pick up. A host claims it for a
/// while before working on it, so two hosts never work on it at once; a host that dies holding a claim loses it when
/// the lease runs out, and another host picks the work up (delivery stays at-least-once).</summary>
public interface IClaimableWork
{
    Guid Id { get; }

    /// <summary>The claim a host holds on this item, or null when it is free.</summary>
    Guid? ClaimId { get; set; }

    /// <summary>When the claim runs out; after that another host may claim the item.</summary>
    DateTimeOffset? ClaimedUntil { get; set; }
}

public static class WorkClaims
{
    /// <summary>
    /// Claims up to <paramref name="count"/> of the items <paramref name="due"/> selects that nobody holds, and returns
    /// them (tracked). The claim is one conditional UPDATE: on PostgreSQL a host that updates a row another host has
    /// just claimed re-reads it after that host commits and finds it taken, so each item goes to one host; SQLite
    /// takes one writer at a time. Provider-neutral, so it needs no FOR UPDATE SKIP LOCKED.
    /// </summary>
    public static async Task<List<T>> ClaimAsync<T, TOrder>(
        this IQueryable<T> due, Expression<Func<T, TOrder>> order, int count, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class, IClaimableWork
    {
        ArgumentNullException.ThrowIfNull(due);
        var free = due.Where(t => t.ClaimedUntil == null || t.ClaimedUntil < now);
        Guid? claim = Guid.NewGuid();
        var until = now + lease;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var candidates = await free.OrderBy(order).Take(count).Select(t => t.Id).ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return [];
            }

            var claimed = await free.Where(t => candidates.Contains(t.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimId, claim).SetProperty(t => t.ClaimedUntil, until), cancellationToken);
            if (claimed > 0)
            {
                return await due.Where(t => t.ClaimId == claim).OrderBy(order).ToListAsync(cancellationToken);
            }

            // Another host claimed every one of them between our read and our update: look again for what is left.
        }

        return [];
    }

    /// <summary>How often a host that keeps losing the race looks again before leaving the work to the others.</summary>
    private const int MaxAttempts = 5;

    /// <summary>Lets go of a claim (saved with the item's new state), so the item is free when it is next due.</summary>
    public static void Release(this IClaimableWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        work.ClaimId = null;
        work.ClaimedUntil = null;
    }
}
