using Phso.Modular.Tests.Infrastructure;
using Phso.SharedKernel.Persistence;

namespace Phso.Modular.Tests.Persistence;

public sealed class KeptFiguresTests
{
    private readonly TestClock _clock = new();
    private int _calculations;

    private Task<int> Calculate() => Task.FromResult(Interlocked.Increment(ref _calculations));

    [Fact]
    public async Task Figures_are_worked_out_once_a_minute_for_each_key_and_say_when()
    {
        var kept = new KeptFigures<string, int>(_clock);
        var (first, at) = await kept.GetOrCalculateAsync("a", Calculate);
        Assert.Equal((1, at), await kept.GetOrCalculateAsync("a", Calculate));
        Assert.Equal(_clock.GetUtcNow(), at, TimeSpan.FromSeconds(5));
        Assert.Equal(2, (await kept.GetOrCalculateAsync("b", Calculate)).Figures);

        _clock.Advance(KeptFigures<string, int>.Lifetime);
        var (later, laterAt) = await kept.GetOrCalculateAsync("a", Calculate);
        Assert.Equal(3, later);
        Assert.True(laterAt > at);
        Assert.Equal(1, first);
    }

    [Fact]
    public async Task Readers_arriving_together_share_one_calculation()
    {
        var kept = new KeptFigures<string, int>(_clock);
        var release = new TaskCompletionSource();
        async Task<int> Slow()
        {
            await release.Task;
            return await Calculate();
        }

        var readers = Enumerable.Range(0, 10).Select(_ => kept.GetOrCalculateAsync("a", Slow)).ToList();
        release.SetResult();
        var results = await Task.WhenAll(readers);
        Assert.All(results, r => Assert.Equal(1, r.Figures));
        Assert.Equal(1, _calculations);
    }

    [Fact]
    public async Task A_failed_calculation_is_not_kept_and_the_next_reader_works_the_figures_out()
    {
        var kept = new KeptFigures<string, int>(_clock);
        await Assert.ThrowsAsync<InvalidOperationException>(() => kept.GetOrCalculateAsync("a", () => throw new InvalidOperationException("the database went away")));
        Assert.Equal(1, (await kept.GetOrCalculateAsync("a", Calculate)).Figures);
    }

    [Fact]
    public async Task Figures_never_outlive_the_day_they_were_worked_out_on()
    {
        var kept = new KeptFigures<string, int>(_clock);
        _clock.SetTo(new DateTimeOffset(2026, 12, 1, 23, 59, 50, TimeSpan.Zero));
        await kept.GetOrCalculateAsync("a", Calculate);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(2, (await kept.GetOrCalculateAsync("a", Calculate)).Figures);
    }
}
