using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Phso.SharedKernel.Persistence;

/// <summary>
/// A module's reference data (the register's bodies, the lists of caseworkers or managers) kept for a short while:
/// pages list hundreds of them on every view, which at a real office's size costs more than the rest of the page.
/// Any change to the data saved through this host empties the cache at once (the owning context calls
/// <see cref="ReferenceDataCacheExtensions.ReferenceDataChanged{TOwner}"/> after saving); a change made by another host
/// sharing the database shows here within <see cref="Lifetime"/>. <typeparamref name="TOwner"/> (the owning context)
/// gives each module a cache of its own.
/// </summary>
public sealed class ReferenceDataCache<TOwner>(IMemoryCache cache) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private CancellationTokenSource _generation = new();

    public async Task<T> GetOrReadAsync<T>(object key, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (cache.TryGetValue((typeof(TOwner), key), out T? kept) && kept is not null)
        {
            return kept;
        }

        // Taken before reading, so that a change saved while the read runs also empties what the read stores.
        var generation = new CancellationChangeToken(Volatile.Read(ref _generation).Token);
        var value = await read();
        cache.Set((typeof(TOwner), key), value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime }.AddExpirationToken(generation));
        return value;
    }

    public void Changed()
    {
        var previous = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }

    public void Dispose() => _generation.Dispose();
}

public static class ReferenceDataCacheExtensions
{
    public static IServiceCollection AddReferenceDataCache<TOwner>(this IServiceCollection services) =>
        services.AddMemoryCache().AddSingleton<ReferenceDataCache<TOwner>>();

    /// <summary>Whether the context is about to save a change to any of these entity types.</summary>
    public static bool Changes(this DbContext db, params Type[] entityTypes)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entityTypes.Contains(e.Metadata.ClrType));
    }

    /// <summary>Empties the owner's reference-data cache in this host (from the context's own save).</summary>
    public static void ReferenceDataChanged<TOwner>(this DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<ReferenceDataCache<TOwner>>()?.Changed();
    }
}
