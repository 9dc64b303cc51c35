using MediatR;
using Microsoft.Extensions.Caching.Memory;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Runtime;
using Phso.Plugins.Abstractions;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Plugins.Features.Standards;

/// <summary>Measures a complaint's history against each running plugin's standard for its organisation.</summary>
internal sealed class LocalStandardsHandler(PluginRuntime runtime, IWorkingDayCalendar calendar, TimeProvider clock, PluginFindingsCache findingsCache)
    : IRequestHandler<GetLocalStandards, IReadOnlyList<LocalStandardReport>>, IRequestHandler<MeasureLocalStandards, IReadOnlyList<LocalStandardRecord>>
{
    public Task<IReadOnlyList<LocalStandardRecord>> Handle(MeasureLocalStandards request, CancellationToken cancellationToken)
    {
        var today = Today();
        var records = new List<LocalStandardRecord>();
        foreach (var (id, plugin) in runtime.Running.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var description in plugin.Standards.Select(s => s.Description).Where(d => Covers(d, request.OrganisationName)))
            {
                var stages = description.Stages.Select(stage =>
                {
                    var outcomes = request.Complaints.Select(dates => DeadlineComparison.Measure(stage, description.Calendar, dates, calendar, today)).ToList();
                    int Count(StageOutcome outcome) => outcomes.Count(o => o.Outcome == outcome);
                    return new StageRecord(stage.Name, outcomes.FirstOrDefault()?.Allowed ?? "", Count(StageOutcome.Met), Count(StageOutcome.MetWithExtension),
                        Count(StageOutcome.Missed), Count(StageOutcome.NotYetDue), Count(StageOutcome.Unknown));
                });
                records.Add(new LocalStandardRecord(id, runtime.NameOf(id), description.Name, description.Summary, CalendarName(description.Calendar), [.. stages]));
            }
        }

        return Task.FromResult<IReadOnlyList<LocalStandardRecord>>(records);
    }

    private static bool Covers(ComplaintStandardDescription description, string organisation) =>
        description.Organisations.Any(o => string.Equals(o.Trim(), organisation.Trim(), StringComparison.OrdinalIgnoreCase));

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    public async Task<IReadOnlyList<LocalStandardReport>> Handle(GetLocalStandards request, CancellationToken cancellationToken)
    {
        var organisation = request.OrganisationName.Trim();
        var today = Today();
        var reports = new List<LocalStandardReport>();
        foreach (var (id, plugin) in runtime.Running.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            for (var index = 0; index < plugin.Standards.Count; index++)
            {
                var description = plugin.Standards[index].Description;
                if (!Covers(description, organisation))
                {
                    continue;
                }

                var findings = await AssessAsync(id, index, organisation, request);
                reports.Add(new LocalStandardReport(
                    id, runtime.NameOf(id), description.Name, description.Summary, CalendarName(description.Calendar),
                    [.. description.Stages.Select(stage => DeadlineComparison.Measure(stage, description.Calendar, request.Dates, calendar, today))],
                    description.RequiredSteps,
                    findings is null ? [] : [.. findings.Select(f => new LocalFinding(f.Text, f.Kept))],
                    findings is null ? "The plugin's own checks could not be run just now." : null));
            }
        }

        return reports;
    }

    // The same case viewed again within a minute (by its caseworker, or the next person) does not run plugin code again;
    // a different version of the plugin, or different dates or answers, is a different key. Failures are not kept, so
    // a failing plugin is still counted towards being switched off.
    private async Task<IReadOnlyList<StandardFinding>?> AssessAsync(string id, int standardIndex, string organisation, GetLocalStandards request)
    {
        var key = string.Join('|', [
            "plugin-assess", id, runtime.FolderOf(id), standardIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), organisation.ToUpperInvariant(),
            .. request.Dates.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value:yyyy-MM-dd}"),
            .. request.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"),
        ]);
        var cache = findingsCache.Cache;
        if (cache.TryGetValue(key, out IReadOnlyList<StandardFinding>? kept))
        {
            return kept;
        }

        var history = new ComplaintHistory(organisation, request.Dates, request.Answers);
        var result = await runtime.CallAsync(id, "Assessing the complaint", loaded => loaded.Standards[standardIndex].Standard.Assess(history));
        if (!result.Ok)
        {
            return null;
        }

        cache.Set(key, result.Value!, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1), Size = 1 });
        return result.Value;
    }

    private static string CalendarName(Phso.Plugins.Abstractions.Nation nation) => nation switch
    {
        Phso.Plugins.Abstractions.Nation.Scotland => "Scotland",
        Phso.Plugins.Abstractions.Nation.NorthernIreland => "Northern Ireland",
        _ => "England and Wales",
    };
}

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

/// <summary>Plugins' own findings, kept for a minute (at most 10,000 at once), apart from any other cache.</summary>
internal sealed class PluginFindingsCache : IDisposable
{
    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public void Dispose() => Cache.Dispose();
}
