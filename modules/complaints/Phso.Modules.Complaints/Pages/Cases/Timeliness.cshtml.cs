using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Features.Timeliness;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Web;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>The timeliness dashboard for managers: charts with the same figures in tables beside them, and a CSV.</summary>
[Authorize(Policy = ComplaintsPolicies.Timeliness)]
public sealed class TimelinessModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Sector? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Months { get; set; } = 12;

    public TimelinessReport Report { get; private set; } = default!;

    public static IReadOnlyList<ChoiceItem> Sectors { get; } = [new(nameof(SharedKernel.Domain.Sector.Health), "Health"), new(nameof(SharedKernel.Domain.Sector.Parliamentary), "Parliamentary")];

    public static IReadOnlyList<ChoiceItem> Periods { get; } = [new("6", "Last 6 months"), new("12", "Last 12 months"), new("24", "Last 24 months")];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var report = await LoadAsync(cancellationToken);
        var name = $"timeliness-{(Sector?.ToString().ToLowerInvariant() ?? "all")}-{report.Today:yyyy-MM-dd}.csv";
        return File(TimelinessCsv.Write(report), "text/csv; charset=utf-8", name);
    }

    private Task<TimelinessReport> LoadAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A hand-edited address: show everything rather than fail.
            Sector = null;
            ModelState.Clear();
        }

        Months = Months is 6 or 12 or 24 ? Months : 12;
        return mediator.Send(new GetTimeliness(Sector, Months), cancellationToken);
    }
}
