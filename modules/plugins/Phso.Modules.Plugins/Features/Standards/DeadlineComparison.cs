using Microsoft.Extensions.Caching.Memory;
using Phso.Modules.Plugins.Contracts;
using Phso.Plugins.Abstractions;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Plugins.Features.Standards;

/// <summary>Whether one stage's deadline was met, from the dates the complainant gave.</summary>
internal static class DeadlineComparison
{
    public static StageReport Measure(StandardStage stage, Phso.Plugins.Abstractions.Nation nation, IReadOnlyDictionary<string, DateOnly> dates, IWorkingDayCalendar calendar, DateOnly today)
    {
        var calendarNation = nation switch
        {
            Phso.Plugins.Abstractions.Nation.Scotland => SharedKernel.Time.Nation.Scotland,
            Phso.Plugins.Abstractions.Nation.NorthernIreland => SharedKernel.Time.Nation.NorthernIreland,
            _ => SharedKernel.Time.Nation.England,
        };
        DateOnly Add(DateOnly from, Period period) => period.Counting == DayCounting.WorkingDays ? calendar.AddWorkingDays(from, period.Days, calendarNation) : from.AddDays(period.Days);

        DateOnly? from = dates.TryGetValue(stage.From, out var f) ? f : null;
        DateOnly? to = dates.TryGetValue(stage.To, out var t) ? t : null;
        DateOnly? due = from is { } start ? Add(start, stage.Allowed) : null;
        DateOnly? extended = due is { } d && stage.Extension is { } extension ? Add(d, extension) : null;
        var (outcome, explanation) = (from, to, due) switch
        {
            (null, _, _) => (StageOutcome.Unknown, $"We were not told when this stage began ({Words(stage.From)})."),
            (_, { } done, { } by) when done <= by => (StageOutcome.Met, $"Done on {Day(done)}, within the time allowed (by {Day(by)})."),
            (_, { } done, _) when extended is { } byExtended && done <= byExtended =>
                (StageOutcome.MetWithExtension, $"Done on {Day(done)}: after {Day(due!.Value)}, but within the extension to {Day(byExtended)}, if the organisation told the complainant why."),
            (_, { } done, { } by) => (StageOutcome.Missed, $"Done on {Day(done)}, {Late(by, done, stage.Allowed.Counting, calendarNation, calendar)} after it was due on {Day(by)}."),
            (_, null, { } by) when today > (extended ?? by) => (StageOutcome.Unknown, $"Due by {Day(extended ?? by)}; we were not told whether or when it was done ({Words(stage.To)})."),
            (_, null, { } by) => (StageOutcome.NotYetDue, $"Due by {Day(by)}; not done yet, as far as we were told."),
            _ => (StageOutcome.Unknown, "Cannot say."),
        };
        return new StageReport(stage.Name, Describe(stage.Allowed), stage.Extension is { } e ? Describe(e) : null, stage.Note, Words(stage.From), Words(stage.To), from, to, due, extended, outcome, explanation);
    }

    private static string Late(DateOnly due, DateOnly done, DayCounting counting, SharedKernel.Time.Nation nation, IWorkingDayCalendar calendar) =>
        counting == DayCounting.WorkingDays
            ? $"{calendar.WorkingDaysBetween(due, done, nation)} working day{(calendar.WorkingDaysBetween(due, done, nation) == 1 ? "" : "s")}"
            : $"{done.DayNumber - due.DayNumber} day{(done.DayNumber - due.DayNumber == 1 ? "" : "s")}";

    private static string Describe(Period period) => $"{period.Days} {(period.Counting == DayCounting.WorkingDays ? "working " : "")}day{(period.Days == 1 ? "" : "s")}";

    private static string Words(string milestone) => milestone switch
    {
        Milestones.Complained => "when they complained to the organisation",
        Milestones.Acknowledged => "when the organisation acknowledged the complaint",
        Milestones.FinalResponse => "when the organisation gave its final response",
        _ => milestone.Replace('-', ' '),
    };

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
