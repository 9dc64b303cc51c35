using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>The caseworkers' queue: filter by stage, priority, body, person and charter clock; sort; page.</summary>
[Authorize(Policy = ComplaintsPolicies.ReadCasework)]
public sealed class IndexModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public Priority? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Assigned { get; set; }

    [BindProperty(SupportsGet = true)]
    public ClockStatus? Clock { get; set; }

    [BindProperty(SupportsGet = true)]
    public QueueSort Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public IList<string> Show { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public QueuePage Results { get; private set; } = new([], 0, 1, 25);

    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Results.Total / 25.0));

    public IReadOnlyList<ChoiceItem> Stages { get; } = [.. Enum.GetValues<CaseStage>().Select(s => new ChoiceItem(s.ToString(), CaseStages.Describe(s)))];

    public IReadOnlyList<ChoiceItem> Priorities { get; } = [new(nameof(Domain.Priority.High), "High"), new(nameof(Domain.Priority.Normal), "Normal")];

    public IReadOnlyList<ChoiceItem> Clocks { get; } = [new(nameof(ClockStatus.Overdue), "Overdue"), new(nameof(ClockStatus.DueSoon), "Due soon"), new(nameof(ClockStatus.OnTrack), "On track")];

    public IReadOnlyList<ChoiceItem> Sorts { get; } =
        [new(nameof(QueueSort.Oldest), "Oldest first"), new(nameof(QueueSort.Newest), "Newest first"), new(nameof(QueueSort.Priority), "Priority"), new(nameof(QueueSort.DueSoonest), "Next clock due")];

    public IReadOnlyList<ChoiceItem> ShowChoices { get; } = [new("ended", "Include closed, declined and withdrawn cases")];

    public IReadOnlyList<ChoiceItem> People { get; private set; } = [];

    public IReadOnlyList<ChoiceItem> Bodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var caseworkers = await mediator.Send(new FindPeople(Roles.Caseworker), cancellationToken);
        People = [new("me", "Me"), new("unassigned", "Unassigned"), .. caseworkers.Select(p => new ChoiceItem(p.Id.ToString(), p.DisplayName))];
        var bodies = await mediator.Send(new FindOrganisations(InRemit: true, PageSize: 200), cancellationToken);
        Bodies = [.. bodies.Items.Select(o => new ChoiceItem(o.Id.ToString(), o.Name))];
        Results = await mediator.Send(new ListCases(
            Valid(nameof(Stage), Stage), Valid(nameof(Priority), Priority), Valid(nameof(Organisation), Organisation), Assigned, Valid(nameof(Clock), Clock),
            Show.Contains("ended"), Valid(nameof(Sort), (QueueSort?)Sort) ?? QueueSort.Oldest, Math.Max(1, PageNumber)), cancellationToken);
    }

    private T? Valid<T>(string field, T? value) where T : struct =>
        ModelState.GetFieldValidationState(field) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid ? null : value;
}
