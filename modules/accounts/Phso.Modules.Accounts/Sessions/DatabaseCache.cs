using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.Persistence;

namespace Phso.Modules.Accounts.Sessions;

/// <summary>
/// ASP.NET Core's <see cref="IDistributedCache"/> in the accounts database, so that every host sharing the database
/// sees the same session state (a complaint form started on one host is finished on another). The platform ships
/// database caches for SQL Server only; this is the same idea on either of our engines. Expired entries are never
/// returned and are cleared as new ones are written.
/// </summary>
internal sealed class DatabaseCache(IServiceScopeFactory scopes, TimeProvider clock) : IDistributedCache, IDisposable
{
    /// <summary>What an entry written without an expiry gets, as in ASP.NET's SQL Server cache.</summary>
    public static readonly TimeSpan DefaultSlidingExpiration = TimeSpan.FromMinutes(20);

    private static readonly TimeSpan ClearExpiredEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SlideGranularity = TimeSpan.FromMinutes(1);
    private long _nextClearTicks;

    /// <summary>Keys this host read, wrote or slid within the last <see cref="SlideGranularity"/>: a refresh of one of
    /// them would move its expiry by less than that, so it is skipped without asking the database (ASP.NET's session
    /// refreshes at the end of every request, straight after the read at its start).</summary>
    private readonly MemoryCache _recentlyTouched = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public void Dispose() => _recentlyTouched.Dispose();

    private void Touched(string key) =>
        _recentlyTouched.Set(key, clock.GetUtcNow(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = SlideGranularity });

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var now = clock.GetUtcNow();
        var entry = await db.CacheEntries.AsNoTracking()
            .Where(e => e.Key == key && e.ExpiresAt > now)
            .Select(e => new { e.Value, e.ExpiresAt, e.SlidingExpiration, e.AbsoluteExpiresAt })
            .FirstOrDefaultAsync(token);
        Touched(key);
        if (entry is null)
        {
            return null;
        }

        await SlideAsync(db, key, now, entry.ExpiresAt, entry.SlidingExpiration, entry.AbsoluteExpiresAt, token);
        return entry.Value;
    }

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, CachedEntry.MaxKeyLength, nameof(key));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, CachedEntry.MaxValueBytes, nameof(value));
        var now = clock.GetUtcNow();
        var absolute = options.AbsoluteExpiration ?? (now + options.AbsoluteExpirationRelativeToNow);
        var sliding = options.SlidingExpiration;
        var expires = CachedEntry.NextExpiry(now, sliding, absolute);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await ClearExpiredNowAndThenAsync(db, now, token);
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.CacheEntries.Where(e => e.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Value, value)
                .SetProperty(e => e.ExpiresAt, expires)
                .SetProperty(e => e.SlidingExpiration, sliding)
                .SetProperty(e => e.AbsoluteExpiresAt, absolute), token);
            if (updated > 0)
            {
                Touched(key);
                return;
            }

            var entry = new CachedEntry { Key = key, Value = value, ExpiresAt = expires, SlidingExpiration = sliding, AbsoluteExpiresAt = absolute };
            db.CacheEntries.Add(entry);
            try
            {
                await db.SaveChangesAsync(token);
                Touched(key);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another host wrote the same key between our update and insert: update theirs instead.
                db.Entry(entry).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Moves a sliding entry's expiry on without reading its value (ASP.NET's session calls this at the end of
    /// every request that read the session and changed nothing).</summary>
    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_recentlyTouched.TryGetValue(key, out DateTimeOffset touchedAt) && clock.GetUtcNow() - touchedAt < SlideGranularity)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var now = clock.GetUtcNow();
        var entry = await db.CacheEntries.AsNoTracking()
            .Where(e => e.Key == key && e.ExpiresAt > now)
            .Select(e => new { e.ExpiresAt, e.SlidingExpiration, e.AbsoluteExpiresAt })
            .FirstOrDefaultAsync(token);
        Touched(key);
        if (entry is not null)
        {
            await SlideAsync(db, key, now, entry.ExpiresAt, entry.SlidingExpiration, entry.AbsoluteExpiresAt, token);
        }
    }

    /// <summary>A read moves a sliding entry's expiry on; within a minute of the last move it is left alone, so a
    /// person going through a form's pages costs a write a minute at most, not one per request.</summary>
    private static async Task SlideAsync(AccountsDbContext db, string key, DateTimeOffset now, DateTimeOffset expiresAt, TimeSpan? sliding, DateTimeOffset? absolute, CancellationToken token)
    {
        if (sliding is null)
        {
            return;
        }

        var expires = CachedEntry.NextExpiry(now, sliding, absolute);
        if (expires - expiresAt < SlideGranularity)
        {
            return;
        }

        await db.CacheEntries.Where(e => e.Key == key).ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, expires), token);
    }


    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        _recentlyTouched.Remove(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await db.CacheEntries.Where(e => e.Key == key).ExecuteDeleteAsync(token);
    }

    // ASP.NET's session calls only the asynchronous methods once it has been loaded with LoadAsync, which every
    // reader of session state here does first; these serve any other caller.
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    private async Task ClearExpiredNowAndThenAsync(AccountsDbContext db, DateTimeOffset now, CancellationToken token)
    {
        var next = Interlocked.Read(ref _nextClearTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextClearTicks, (now + ClearExpiredEvery).UtcTicks, next) != next)
        {
            return;
        }

        await db.CacheEntries.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(token);
    }
}
