using System.Globalization;
using Phso.SharedKernel.Time;

namespace Phso.Modular.Tests.Time;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Create();

    // The bank holidays published for each year (gov.uk), one-offs included.
    [Theory]
    [InlineData(2019, "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26")]
    [InlineData(2020, "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28")]
    [InlineData(2021, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28")]
    [InlineData(2022, "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27")]
    [InlineData(2023, "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26")]
    [InlineData(2024, "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26")]
    [InlineData(2025, "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26")]
    [InlineData(2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28")]
    public void England_and_Wales_bank_holidays_match_the_published_lists(int year, string expected) =>
        Assert.Equal(Dates(year, expected), Calendar.BankHolidays(year, CalendarRegion.EnglandAndWales).Select(h => h.Date));

    [Theory]
    [InlineData(2022, "01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27")]
    [InlineData(2023, "01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26")]
    [InlineData(2024, "01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26")]
    [InlineData(2025, "01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26")]
    public void Scotland_bank_holidays_match_the_published_lists(int year, string expected) =>
        Assert.Equal(Dates(year, expected), Calendar.BankHolidays(year, CalendarRegion.Scotland).Select(h => h.Date));

    [Theory]
    [InlineData(2023, "01-02 03-17 04-07 04-10 05-01 05-08 05-29 07-12 08-28 12-25 12-26")]
    [InlineData(2024, "01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26")]
    [InlineData(2025, "01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26")]
    public void Northern_Ireland_bank_holidays_match_the_published_lists(int year, string expected) =>
        Assert.Equal(Dates(year, expected), Calendar.BankHolidays(year, CalendarRegion.NorthernIreland).Select(h => h.Date));

    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_is_computed_for_any_year(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), BankHolidayRules.EasterSunday(year));

    [Fact]
    public void A_weekend_Christmas_moves_both_days_to_the_following_weekdays_with_substitute_names()
    {
        var christmas2027 = Calendar.BankHolidays(2027, CalendarRegion.EnglandAndWales).Where(h => h.Date.Month == 12).ToList();
        Assert.Equal([new DateOnly(2027, 12, 27), new DateOnly(2027, 12, 28)], christmas2027.Select(h => h.Date));
        Assert.All(christmas2027, h => Assert.EndsWith("(substitute day)", h.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void The_day_of_receipt_is_day_zero_and_weekends_and_bank_holidays_are_skipped()
    {
        // Friday 19 December 2025: Monday 22, Tuesday 23, Wednesday 24 December.
        Assert.Equal(new DateOnly(2025, 12, 24), Calendar.AddWorkingDays(new DateOnly(2025, 12, 19), 3, Nation.England));

        // Christmas and Boxing Day are skipped: 22, 23, 24, 29, 30 December.
        Assert.Equal(new DateOnly(2025, 12, 30), Calendar.AddWorkingDays(new DateOnly(2025, 12, 19), 5, Nation.England));
        Assert.Equal(new DateOnly(2025, 12, 19), Calendar.AddWorkingDays(new DateOnly(2025, 12, 19), 0, Nation.England));
    }

    [Fact]
    public void Each_nation_counts_on_its_own_calendar()
    {
        var newYearsEve = new DateOnly(2025, 12, 31);
        Assert.Equal(new DateOnly(2026, 1, 2), Calendar.AddWorkingDays(newYearsEve, 1, Nation.England));
        Assert.Equal(new DateOnly(2026, 1, 2), Calendar.AddWorkingDays(newYearsEve, 1, Nation.Wales));
        Assert.Equal(new DateOnly(2026, 1, 5), Calendar.AddWorkingDays(newYearsEve, 1, Nation.Scotland));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 3, 17), Nation.NorthernIreland));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 3, 17), Nation.England));
    }

    [Fact]
    public void Working_days_between_two_dates_count_after_the_first_up_to_the_second_and_go_negative_backwards()
    {
        var monday = new DateOnly(2026, 11, 2);
        var nextMonday = new DateOnly(2026, 11, 9);
        Assert.Equal(5, Calendar.WorkingDaysBetween(monday, nextMonday, Nation.England));
        Assert.Equal(-5, Calendar.WorkingDaysBetween(nextMonday, monday, Nation.England));
        Assert.Equal(monday, Calendar.AddWorkingDays(nextMonday, -5, Nation.England));
        Assert.Equal(0, Calendar.WorkingDaysBetween(monday, monday, Nation.England));
    }

    [Theory]
    [InlineData(Nation.England)]
    [InlineData(Nation.Wales)]
    [InlineData(Nation.Scotland)]
    [InlineData(Nation.NorthernIreland)]
    public void Working_days_between_are_counted_as_walking_the_calendar_day_by_day_would(Nation nation)
    {
        // Counting skips the walk, so it is checked against one: every start over three years (Christmas, Easter and
        // the one-off 2022-2023 holidays among them), each to ends from the same day to a year and a half later.
        var random = new Random(12);
        for (var start = new DateOnly(2021, 12, 1); start < new DateOnly(2024, 12, 1); start = start.AddDays(1))
        {
            var end = start.AddDays(random.Next(0, 550));
            var walked = 0;
            for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
            {
                walked += Calendar.IsWorkingDay(day, nation) ? 1 : 0;
            }

            Assert.True(walked == Calendar.WorkingDaysBetween(start, end, nation), $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}: walked {walked}, counted {Calendar.WorkingDaysBetween(start, end, nation)}");
            Assert.Equal(-walked, Calendar.WorkingDaysBetween(end, start, nation));
        }
    }

    [Fact]
    public void A_one_off_bank_holiday_can_be_added_from_a_data_file_without_a_release()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                { "changes": [ { "date": "2027-06-07", "regions": ["EnglandAndWales"], "action": "Add", "name": "A state occasion" } ] }
                """);
            var calendar = WorkingDayCalendar.Create(file);
            Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 6, 7), Nation.Wales));
            Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 6, 7), Nation.Scotland));
            Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 6, 7), Nation.Wales));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_malformed_data_file_is_refused_saying_which_change_is_wrong()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{ "changes": [ { "date": "2027-06-07", "regions": [], "action": "Add", "name": "No regions" } ] }""");
            var error = Assert.Throws<InvalidDataException>(() => WorkingDayCalendar.Create(file));
            Assert.Contains("change 1", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<DateOnly> Dates(int year, string monthDays) =>
        monthDays.Split(' ').Select(md => DateOnly.ParseExact($"{year}-{md}", "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
