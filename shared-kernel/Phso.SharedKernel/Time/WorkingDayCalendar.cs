using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Phso.SharedKernel.Time;

/// <summary>The nations of the United Kingdom.</summary>
public enum Nation
{
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

/// <summary>The three bank holiday calendars of the United Kingdom.</summary>
public enum CalendarRegion
{
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

/// <summary>A day that is not a working day although it falls Monday to Friday.</summary>
public sealed record BankHoliday(DateOnly Date, string Name);

/// <summary>Working days (Monday to Friday, less bank holidays) on the calendar of a nation. Deadlines in complaint
/// handling are counted on the calendar of the nation concerned.</summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly date, Nation nation);

    IReadOnlyList<BankHoliday> BankHolidays(int year, CalendarRegion region);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (before it when
    /// negative): the start day itself is day 0, so "acknowledge within 3 working days of receipt" is AddWorkingDays(receipt, 3).</summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays, Nation nation);

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/>; negative when end is earlier.</summary>
    int WorkingDaysBetween(DateOnly start, DateOnly end, Nation nation);
}

/// <summary>
/// Bank holidays from the rules (fixed dates with substitute days, Easter, the Monday holidays) plus a data file of
/// one-off changes (holidays moved or added for state occasions), which can be extended without a release through
/// the WorkingDays:OverridesFile setting. The rules are those in force since 2007 (St Andrew's Day in Scotland).
/// </summary>
public sealed class WorkingDayCalendar : IWorkingDayCalendar
{
    private readonly IReadOnlyList<BankHolidayChange> _changes;
    private readonly ConcurrentDictionary<(int Year, CalendarRegion Region), Holidays> _cache = new();

    public WorkingDayCalendar(IEnumerable<BankHolidayChange> changes) => _changes = [.. changes];

    /// <summary>The calendar with the built-in one-off changes, and those in <paramref name="overridesFile"/> if given.</summary>
    public static WorkingDayCalendar Create(string? overridesFile = null)
    {
        var changes = new List<BankHolidayChange>();
        using (var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream("Phso.SharedKernel.Time.bank-holiday-overrides.json")
            ?? throw new InvalidOperationException("The built-in bank holiday data is missing from the assembly."))
        {
            changes.AddRange(BankHolidayChangeFile.Read(stream, "built-in bank-holiday-overrides.json"));
        }

        if (!string.IsNullOrWhiteSpace(overridesFile))
        {
            using var stream = File.OpenRead(overridesFile);
            changes.AddRange(BankHolidayChangeFile.Read(stream, overridesFile));
        }

        return new WorkingDayCalendar(changes);
    }

    public static CalendarRegion RegionOf(Nation nation) => nation switch
    {
        Nation.Scotland => CalendarRegion.Scotland,
        Nation.NorthernIreland => CalendarRegion.NorthernIreland,
        _ => CalendarRegion.EnglandAndWales,
    };

    public bool IsWorkingDay(DateOnly date, Nation nation) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !For(date.Year, RegionOf(nation)).Dates.Contains(date);

    public IReadOnlyList<BankHoliday> BankHolidays(int year, CalendarRegion region) => For(year, region).List;

    public DateOnly AddWorkingDays(DateOnly start, int workingDays, Nation nation)
    {
        var step = Math.Sign(workingDays);
        var remaining = Math.Abs(workingDays);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date, nation))
            {
                remaining--;
            }
        }

        return date;
    }

    public int WorkingDaysBetween(DateOnly start, DateOnly end, Nation nation)
    {
        if (end < start)
        {
            return -WorkingDaysBetween(end, start, nation);
        }

        // Counted, not walked: the weekdays in whole weeks and the days left over, less the bank holidays that fall
        // on weekdays in the range (a report measures tens of thousands of cases, each over months).
        var days = end.DayNumber - start.DayNumber;
        var count = days / 7 * 5;
        for (var date = start.AddDays((days / 7 * 7) + 1); date <= end; date = date.AddDays(1))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        var region = RegionOf(nation);
        for (var year = start.Year; year <= end.Year; year++)
        {
            foreach (var holiday in For(year, region).Dates)
            {
                if (holiday > start && holiday <= end && holiday.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    count--;
                }
            }
        }

        return count;
    }

    private Holidays For(int year, CalendarRegion region) => _cache.GetOrAdd((year, region), static (key, self) => self.Build(key.Year, key.Region), this);

    private Holidays Build(int year, CalendarRegion region)
    {
        var holidays = BankHolidayRules.For(year, region).ToDictionary(h => h.Date, h => h.Name);
        foreach (var change in _changes.Where(c => c.Date.Year == year && c.Regions.Contains(region)))
        {
            if (change.Action == BankHolidayChangeAction.Remove)
            {
                holidays.Remove(change.Date);
            }
            else
            {
                holidays[change.Date] = change.Name;
            }
        }

        var list = holidays.OrderBy(h => h.Key).Select(h => new BankHoliday(h.Key, h.Value)).ToList();
        return new Holidays([.. list.Select(h => h.Date)], list);
    }

    private sealed record Holidays(HashSet<DateOnly> Dates, IReadOnlyList<BankHoliday> List);
}

/// <summary>The standing rules for bank holidays in each UK calendar.</summary>
public static class BankHolidayRules
{
    public static IEnumerable<BankHoliday> For(int year, CalendarRegion region)
    {
        var easter = EasterSunday(year);
        var fixedWeekday = new List<BankHoliday> { new(easter.AddDays(-2), "Good Friday") };
        var substitutable = new List<BankHoliday> { new(new DateOnly(year, 1, 1), "New Year's Day") };

        if (region == CalendarRegion.Scotland)
        {
            substitutable.Add(new(new DateOnly(year, 1, 2), "2nd January"));
        }
        else
        {
            fixedWeekday.Add(new(easter.AddDays(1), "Easter Monday"));
        }

        if (region == CalendarRegion.NorthernIreland)
        {
            substitutable.Add(new(new DateOnly(year, 3, 17), "St Patrick's Day"));
            substitutable.Add(new(new DateOnly(year, 7, 12), "Battle of the Boyne (Orangemen's Day)"));
        }

        fixedWeekday.Add(new(FirstMonday(year, 5), "Early May bank holiday"));
        fixedWeekday.Add(new(LastMonday(year, 5), "Spring bank holiday"));
        fixedWeekday.Add(region == CalendarRegion.Scotland
            ? new(FirstMonday(year, 8), "Summer bank holiday")
            : new(LastMonday(year, 8), "Summer bank holiday"));

        if (region == CalendarRegion.Scotland)
        {
            substitutable.Add(new(new DateOnly(year, 11, 30), "St Andrew's Day"));
        }

        substitutable.Add(new(new DateOnly(year, 12, 25), "Christmas Day"));
        substitutable.Add(new(new DateOnly(year, 12, 26), "Boxing Day"));

        // Holidays that fall on a weekday keep their day; those at a weekend move to the next weekday that is not
        // already a holiday, in date order (so Christmas on a Saturday gives Monday, and Boxing Day Tuesday).
        var taken = fixedWeekday.ToDictionary(h => h.Date, h => h.Name);
        foreach (var holiday in substitutable.Where(h => !IsWeekend(h.Date)))
        {
            taken[holiday.Date] = holiday.Name;
        }

        foreach (var holiday in substitutable.Where(h => IsWeekend(h.Date)).OrderBy(h => h.Date))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.ContainsKey(day))
            {
                day = day.AddDays(1);
            }

            taken[day] = holiday.Name + " (substitute day)";
        }

        return taken.OrderBy(h => h.Key).Select(h => new BankHoliday(h.Key, h.Value));
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}

public enum BankHolidayChangeAction
{
    Add,
    Remove,
}

/// <summary>A one-off change to the rules: a holiday added for a state occasion, or a rule holiday moved (removed
/// from its usual date and added on another).</summary>
public sealed record BankHolidayChange(DateOnly Date, IReadOnlyList<CalendarRegion> Regions, BankHolidayChangeAction Action, string Name);

/// <summary>Reads the JSON data file of one-off changes, refusing a malformed entry with its position.</summary>
public static class BankHolidayChangeFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static IReadOnlyList<BankHolidayChange> Read(Stream stream, string source)
    {
        FileModel? model;
        try
        {
            model = JsonSerializer.Deserialize<FileModel>(stream, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }

        var changes = new List<BankHolidayChange>();
        var index = 0;
        foreach (var change in model?.Changes ?? [])
        {
            index++;
            if (change.Date is null || change.Regions is not { Count: > 0 } || change.Action is null || string.IsNullOrWhiteSpace(change.Name))
            {
                throw new InvalidDataException($"{source}: change {index} needs a date, at least one region, an action (Add or Remove) and a name.");
            }

            changes.Add(new BankHolidayChange(change.Date.Value, change.Regions, change.Action.Value, change.Name));
        }

        return changes;
    }

    private sealed record FileModel(List<ChangeModel>? Changes);

    private sealed record ChangeModel(DateOnly? Date, List<CalendarRegion>? Regions, BankHolidayChangeAction? Action, string? Name, string? Reason);
}
