using Phso.Modules.Training.Domain;

namespace Phso.Modular.Tests.Training;

/// <summary>The next expiry of recurring training, in each of the three modes.</summary>
public sealed class RecertificationTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>The worked example in docs/domain.md: fixed date, period 1 year, window 2 months, minimum 6 months, due 1 December.</summary>
    [Fact]
    public void The_worked_example_complete_in_august_recertify_in_november_lapse_and_redo_in_april()
    {
        var rules = new RecertificationRules(ExpiryMode.FixedDate, ActiveMonths: 12, WindowMonths: 2, FixedBaseDate: D(2025, 12, 1), MinimumActiveMonths: 6);

        // Complete in August: 1 December this year is under 6 months away, so 1 December next year.
        var first = rules.ExpiryAfter(D(2026, 8, 14), previousExpiry: null);
        Assert.Equal(D(2027, 12, 1), first);
        Assert.Equal(D(2027, 10, 1), rules.WindowOpensOn(first));

        // Recertify in November, inside the window: 1 December next year.
        var second = rules.ExpiryAfter(D(2027, 11, 10), first);
        Assert.Equal(D(2028, 12, 1), second);

        // Lapse (expired 1 December 2028), redo in April: 1 December the same year.
        Assert.Equal(D(2029, 12, 1), rules.ExpiryAfter(D(2029, 4, 20), second));
    }

    [Fact]
    public void A_fixed_base_date_in_the_future_counts_back_to_the_earliest_date_that_keeps_the_minimum()
    {
        var rules = new RecertificationRules(ExpiryMode.FixedDate, 12, 2, D(2035, 12, 1), 6);
        Assert.Equal(D(2027, 12, 1), rules.ExpiryAfter(D(2026, 8, 14), null));
        Assert.Equal(D(2026, 12, 1), rules.ExpiryAfter(D(2026, 3, 1), null));
    }

    [Fact]
    public void From_completion_counts_the_period_from_the_day_completed_whenever_that_is()
    {
        var rules = new RecertificationRules(ExpiryMode.FromCompletion, 12, 2);
        Assert.Equal(D(2027, 8, 14), rules.ExpiryAfter(D(2026, 8, 14), null));
        Assert.Equal(D(2027, 11, 10), rules.ExpiryAfter(D(2026, 11, 10), D(2026, 12, 1)));
    }

    [Fact]
    public void From_previous_expiry_keeps_the_cycle_when_recertifying_early_and_restarts_it_after_a_lapse()
    {
        var rules = new RecertificationRules(ExpiryMode.FromPreviousExpiry, 12, 2);
        Assert.Equal(D(2027, 12, 1), rules.ExpiryAfter(D(2026, 11, 10), D(2026, 12, 1)));
        Assert.Equal(D(2027, 12, 1), rules.ExpiryAfter(D(2026, 12, 1), D(2026, 12, 1)));
        Assert.Equal(D(2028, 1, 5), rules.ExpiryAfter(D(2027, 1, 5), D(2026, 12, 1)));
        Assert.Equal(D(2027, 3, 1), rules.ExpiryAfter(D(2026, 3, 1), null));
    }

    [Theory]
    [InlineData(ExpiryMode.FromCompletion, 0, 0, null, 0, "The active period must be between 1 and 120 months")]
    [InlineData(ExpiryMode.FromCompletion, 12, 12, null, 0, "The recertification window must be shorter than the active period")]
    [InlineData(ExpiryMode.FixedDate, 12, 2, null, 0, "Enter the fixed expiry date")]
    [InlineData(ExpiryMode.FixedDate, 12, 2, "2025-12-01", 13, "The minimum active period must be between 0 months and the active period")]
    public void Rules_that_cannot_work_say_why(ExpiryMode mode, int active, int window, string? fixedDate, int minimum, string problem)
    {
        var rules = new RecertificationRules(mode, active, window, fixedDate is null ? null : DateOnly.Parse(fixedDate, System.Globalization.CultureInfo.InvariantCulture), minimum);
        Assert.Equal(problem, rules.Problem);
        Assert.Throws<InvalidOperationException>(() => rules.ExpiryAfter(D(2026, 1, 1), null));
    }
}
