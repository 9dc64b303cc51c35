using MediatR;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Runtime;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Plugins.Features.Standards;

/// <summary>Measures complaints' dates against each running plugin's standard for an organisation, stage by stage.</summary>
internal sealed class MeasureLocalStandardsHandler(PluginRuntime runtime, IWorkingDayCalendar calendar, TimeProvider clock)
    : IRequestHandler<MeasureLocalStandards, IReadOnlyList<LocalStandardRecord>>
{
    public Task<IReadOnlyList<LocalStandardRecord>> Handle(MeasureLocalStandards request, CancellationToken cancellationToken)
    {
        var today = LocalStandardTerms.Today(clock);
        var records = new List<LocalStandardRecord>();
        foreach (var (id, plugin) in runtime.Running.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var description in plugin.Standards.Select(s => s.Description).Where(d => LocalStandardTerms.Covers(d, request.OrganisationName)))
            {
                var stages = description.Stages.Select(stage =>
                {
                    var outcomes = request.Complaints.Select(dates => DeadlineComparison.Measure(stage, description.Calendar, dates, calendar, today)).ToList();
                    int Count(StageOutcome outcome) => outcomes.Count(o => o.Outcome == outcome);
                    return new StageRecord(stage.Name, outcomes.FirstOrDefault()?.Allowed ?? "", Count(StageOutcome.Met), Count(StageOutcome.MetWithExtension),
                        Count(StageOutcome.Missed), Count(StageOutcome.NotYetDue), Count(StageOutcome.Unknown));
                });
                records.Add(new LocalStandardRecord(id, runtime.NameOf(id), description.Name, description.Summary, LocalStandardTerms.CalendarName(description.Calendar), [.. stages]));
            }
        }

        return Task.FromResult<IReadOnlyList<LocalStandardRecord>>(records);
    }
}
