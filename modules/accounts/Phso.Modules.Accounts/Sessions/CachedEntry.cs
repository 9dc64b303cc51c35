namespace Phso.Modules.Accounts.Sessions;

/// <summary>One entry of the shared cache that holds people's session state (see <see cref="DatabaseCache"/>).</summary>
internal sealed class CachedEntry
{
    /// <summary>The longest key ASP.NET's SQL Server cache allows; session keys are 36 characters.</summary>
    public const int MaxKeyLength = 449;

    /// <summary>A session holds a few small forms' answers; anything larger is a mistake, refused before it is stored.</summary>
    public const int MaxValueBytes = 256 * 1024;

    public required string Key { get; set; }
    public required byte[] Value { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>How long the entry lives after it was last read, when it slides.</summary>
    public TimeSpan? SlidingExpiration { get; set; }

    /// <summary>The latest it may live, whatever the reads.</summary>
    public DateTimeOffset? AbsoluteExpiresAt { get; set; }

    /// <summary>When the entry, read or refreshed now, next expires.</summary>
    public static DateTimeOffset NextExpiry(DateTimeOffset now, TimeSpan? sliding, DateTimeOffset? absolute) =>
        (sliding, absolute) switch
        {
            ({ } s, { } a) => now + s < a ? now + s : a,
            ({ } s, null) => now + s,
            (null, { } a) => a,
            _ => now + DatabaseCache.DefaultSlidingExpiration,
        };
}
