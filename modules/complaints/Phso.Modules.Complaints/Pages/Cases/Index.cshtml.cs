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
        var bodies = await mediator.Send(new ListOrganisations(InRemit: true), cancellationToken);
        Bodies = [.. bodies.Select(o => new ChoiceItem(o.Id.ToString(), o.Name))];
        Results = await mediator.Send(new ListCases(
            Valid(nameof(Stage), Stage), Valid(nameof(Priority), Priority), Valid(nameof(Organisation), Organisation), Assigned, Valid(nameof(Clock), Clock),
            Show.Contains("ended"), Valid(nameof(Sort), (QueueSort?)Sort) ?? QueueSort.Oldest, Math.Max(1, PageNumber)), cancellationToken);
    }

    /// <summary>The page's title: which cases it lists, so each filtered queue has its own.</summary>
    public string PageTitle
    {
        get
        {
            var filters = new List<string>();
            if (Assigned is { Length: > 0 } assigned)
            {
                filters.Add(assigned == "me" ? "assigned to me" : assigned == "unassigned" ? "unassigned" : $"assigned to {People.FirstOrDefault(p => p.Value == assigned)?.Text ?? "one person"}");
            }

            if (Stage is { } stage && Enum.IsDefined(stage))
            {
                filters.Add(CaseStages.Describe(stage).ToLowerInvariant());
            }

            if (Priority is { } priority && Enum.IsDefined(priority))
            {
                filters.Add($"{priority.ToString().ToLowerInvariant()} priority");
            }

            if (Clock is { } clock && Clocks.FirstOrDefault(c => c.Value == clock.ToString()) is { } clockChoice)
            {
                filters.Add($"charter clock {clockChoice.Text.ToLowerInvariant()}");
            }

            if (Organisation is { } organisation && Bodies.FirstOrDefault(b => b.Value == organisation.ToString()) is { } body)
            {
                filters.Add($"about {body.Text}");
            }

            if (Show.Contains("ended"))
            {
                filters.Add("including ended cases");
            }

            var title = filters.Count == 0 ? "Cases" : $"Cases: {string.Join(", ", filters)}";
            return TotalPages > 1 ? $"{title} (page {Math.Max(1, PageNumber)} of {TotalPages})" : title;
        }
    }

    private T? Valid<T>(string field, T? value) where T : struct =>
        ModelState.GetFieldValidationState(field) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid ? null : value;
}
