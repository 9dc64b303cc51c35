using System.Collections.Concurrent;
using Phso.SharedKernel.Time;

namespace Phso.SharedKernel.Persistence;

/// <summary>
/// Figures worked out from thousands of rows (a dashboard, an organisation's record against its own standard), kept
/// for <see cref="Lifetime"/> for each key: they take far longer than a page should, and figures a minute old serve
/// their readers as well (the page says when they were worked out). One calculation at a time for each key, however
/// many people open the page at once. An entry is judged by the host's clock, so it never outlives the day it was
/// worked out on (in UK time) or a test's advanced clock. Register one per kind of figures, as a singleton.
/// </summary>
public sealed class KeptFigures<TKey, TFigures>(TimeProvider clock)
    where TKey : notnull
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<TKey, Lazy<Task<Kept>>> _kept = new();

    /// <summary>The figures for <paramref name="key"/>, and when they were worked out.</summary>
    public async Task<(TFigures Figures, DateTimeOffset CalculatedAt)> GetOrCalculateAsync(TKey key, Func<Task<TFigures>> calculate)
    {
        ArgumentNullException.ThrowIfNull(calculate);
        var entry = _kept.GetOrAdd(key, _ => Calculation(calculate));
        Kept kept;
        try
        {
            kept = await entry.Value;
        }
        catch (Exception)
        {
            // The calculation failed, or was cancelled with the request that started it: forget it, and this reader
            // works the figures out itself (a real failure then reaches it as its own).
            _kept.TryRemove(KeyValuePair.Create(key, entry));
            kept = await Calculation(calculate).Value;
        }

        var now = clock.GetUtcNow();
        if (now - kept.At < Lifetime && now >= kept.At && UkTime.Today(clock) == UkTime.DayOf(kept.At))
        {
            return (kept.Figures, kept.At);
        }

        _kept.TryUpdate(key, Calculation(calculate), entry);
        var fresh = await _kept.GetOrAdd(key, _ => Calculation(calculate)).Value;
        return (fresh.Figures, fresh.At);
    }

    private Lazy<Task<Kept>> Calculation(Func<Task<TFigures>> calculate) => new(async () =>
    {
        var at = clock.GetUtcNow();
        return new Kept(await calculate(), at);
    });

    private sealed record Kept(TFigures Figures, DateTimeOffset At);
}
