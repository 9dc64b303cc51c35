using MediatR;
using Microsoft.Extensions.Caching.Memory;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Runtime;
using Phso.Plugins.Abstractions;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Plugins.Features.Standards;

/// <summary>Measures one complaint's history against each running plugin's standard for its organisation, with the
/// plugin's own findings.</summary>
internal sealed class GetLocalStandardsHandler(PluginRuntime runtime, IWorkingDayCalendar calendar, TimeProvider clock, PluginFindingsCache findingsCache)
    : IRequestHandler<GetLocalStandards, IReadOnlyList<LocalStandardReport>>
{
    public async Task<IReadOnlyList<LocalStandardReport>> Handle(GetLocalStandards request, CancellationToken cancellationToken)
    {
        var organisation = request.OrganisationName.Trim();
        var today = LocalStandardTerms.Today(clock);
        var reports = new List<LocalStandardReport>();
        foreach (var (id, plugin) in runtime.Running.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            for (var index = 0; index < plugin.Standards.Count; index++)
            {
                var description = plugin.Standards[index].Description;
                if (!LocalStandardTerms.Covers(description, organisation))
                {
                    continue;
                }

                var findings = await AssessAsync(id, index, organisation, request);
                reports.Add(new LocalStandardReport(
                    id, runtime.NameOf(id), description.Name, description.Summary, LocalStandardTerms.CalendarName(description.Calendar),
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
}
