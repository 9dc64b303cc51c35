using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Accounts;

/// <summary>The session cache in the database (shared by every host): expiry as ASP.NET's own caches have it, on
/// whichever engine the tests run on.</summary>
public sealed class SessionCacheTests(SessionCacheTests.Host host) : IClassFixture<SessionCacheTests.Host>
{
    public sealed class Host : PhsoFactory;

    private IDistributedCache Cache => host.Services.GetRequiredService<IDistributedCache>();

    private static string NewKey() => Guid.NewGuid().ToString();

    [Fact]
    public void The_host_keeps_session_state_in_the_database_not_in_its_own_memory() =>
        Assert.Equal("DatabaseCache", Cache.GetType().Name);

    [Theory]
    [InlineData("/health/live", "GET", true, false)]
    [InlineData("/", "GET", true, false)]
    [InlineData("/api/complaints/questions", "GET", true, false)]
    [InlineData("/complain/who", "GET", true, true)]
    [InlineData("/complain/who", "GET", false, false)]
    [InlineData("/complain", "HEAD", false, false)]
    public async Task Only_the_pages_that_keep_state_in_the_session_have_one_and_only_when_there_may_be_state(string path, string method, bool cookie, bool session)
    {
        // Everywhere else a session would cost a read of the shared cache at the end of every request, cookie or not
        // (the load benchmark found /health/live at 3,300 requests a second for that, 45,000 without); and a GET with
        // no session cookie has no answers to read (the complaint form's start page ran at 0.07x the baseline for it).
        // A POST without a cookie gets one: every complaint form journey here starts that way (ComplaintFormTests).
        var context = await host.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            if (cookie)
            {
                c.Request.Headers.Cookie = "phso.session=CfDJ8something";
            }
        });
        Assert.Equal(session, context.Features.Get<Microsoft.AspNetCore.Http.Features.ISessionFeature>() is not null);
    }

    [Fact]
    public async Task A_refresh_straight_after_a_read_leaves_the_database_alone()
    {
        var key = NewKey();
        await Cache.SetAsync(key, [9], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(60) });
        Assert.NotNull(await Cache.GetAsync(key));

        // Another host moved the expiry meanwhile; a refresh within the minute does not write over it, as it would
        // move the expiry by less than the minute the reads already allow.
        var later = host.Clock.GetUtcNow().AddMinutes(45);
        var moved = new DateTimeOffset(later.UtcTicks - (later.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero); // PostgreSQL keeps microseconds
        await using (var scope = host.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Phso.Modules.Accounts.Persistence.AccountsDbContext>();
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(db.CacheEntries.Where(e => e.Key == key), e => e.SetProperty(x => x.ExpiresAt, moved));
        }

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        await Cache.RefreshAsync(key);
        Assert.Equal(moved, await ExpiryOfAsync(key));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Cache.RefreshAsync(key);
        Assert.True(await ExpiryOfAsync(key) > moved);
    }

    [Fact]
    public async Task An_entry_is_read_back_replaced_and_removed()
    {
        var key = NewKey();
        Assert.Null(await Cache.GetAsync(key));
        await Cache.SetAsync(key, [1, 2, 3], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(60) });
        Assert.Equal([1, 2, 3], await Cache.GetAsync(key));

        await Cache.SetAsync(key, [4], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(60) });
        Assert.Equal([4], await Cache.GetAsync(key));

        await Cache.RemoveAsync(key);
        Assert.Null(await Cache.GetAsync(key));
    }

    [Fact]
    public async Task A_sliding_entry_lives_while_it_is_read_and_expires_when_left_alone()
    {
        var key = NewKey();
        await Cache.SetAsync(key, [7], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(60) });
        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(50));
            Assert.NotNull(await Cache.GetAsync(key));
        }

        await Cache.RefreshAsync(key);
        host.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(await Cache.GetAsync(key));
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Null(await Cache.GetAsync(key));
    }

    [Fact]
    public async Task Reads_within_a_minute_of_the_last_move_write_nothing_and_a_refresh_after_that_moves_the_expiry()
    {
        var key = NewKey();
        await Cache.SetAsync(key, [5], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(60) });
        var written = await ExpiryOfAsync(key);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.NotNull(await Cache.GetAsync(key));
        await Cache.RefreshAsync(key);
        Assert.Equal(written, await ExpiryOfAsync(key));

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await Cache.RefreshAsync(key);
        Assert.True(await ExpiryOfAsync(key) > written);
    }

    private async Task<DateTimeOffset> ExpiryOfAsync(string key)
    {
        await using var scope = host.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<Phso.Modules.Accounts.Persistence.AccountsDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.CacheEntries.Where(e => e.Key == key).Select(e => e.ExpiresAt));
    }

    [Fact]
    public async Task An_absolute_expiry_wins_over_reads()
    {
        var key = NewKey();
        await Cache.SetAsync(key, [9], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(45) });
        host.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.NotNull(await Cache.GetAsync(key));
        host.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Null(await Cache.GetAsync(key));
    }

    [Fact]
    public async Task A_value_larger_than_a_session_needs_is_refused_before_it_is_stored()
    {
        var key = NewKey();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Cache.SetAsync(key, new byte[300 * 1024], new DistributedCacheEntryOptions()));
        Assert.Null(await Cache.GetAsync(key));
    }
}
