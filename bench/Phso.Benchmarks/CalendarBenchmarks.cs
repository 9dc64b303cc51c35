using BenchmarkDotNet.Attributes;
using Phso.SharedKernel.Time;

namespace Phso.Benchmarks;

/// <summary>
/// The working-day calendar sits under every charter clock and local-standard deadline: a caseworker's queue computes
/// due dates for each open case. Measures a typical deadline (20 working days), a long one (6 months), counting the
/// days between two dates, and the first use of a year (rules and one-offs, before the cache).
/// </summary>
[MemoryDiagnoser]
[InProcess] // a generated benchmark project would lack the framework reference the partial registry needs (docs/adr/0002)
public class CalendarBenchmarks
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Create();
    private readonly DateOnly _receipt = new(2026, 12, 18);

    [Benchmark(Baseline = true)]
    public DateOnly AddTwentyWorkingDays() => _calendar.AddWorkingDays(_receipt, 20, Nation.England);

    [Benchmark]
    public DateOnly AddSixMonthsOfWorkingDays() => _calendar.AddWorkingDays(_receipt, 130, Nation.Scotland);

    [Benchmark]
    public int WorkingDaysInAYear() => _calendar.WorkingDaysBetween(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Nation.NorthernIreland);

    [Benchmark]
    public int FirstUseOfAYear() => WorkingDayCalendar.Create().BankHolidays(2031, CalendarRegion.EnglandAndWales).Count;
}
