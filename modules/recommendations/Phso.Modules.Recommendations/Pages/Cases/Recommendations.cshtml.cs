using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.IssueRecommendations;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages.Cases;

/// <summary>A decided case's recommendations: the caseworker writes drafts, then issues them all to the body in one
/// step. Managers and admins read. A refused draft comes back with everything typed, each error on its input.</summary>
[Authorize(Policy = RecommendationsPolicies.Read)]
public sealed class CaseRecommendationsModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = "";

    [BindProperty]
    public DraftForm Input { get; set; } = new();

    [BindProperty]
    public List<DraftRead>? Drafts { get; set; }

    public CaseRecommendations Case { get; private set; } = default!;

    public bool CanWork => User.IsInRole(Roles.Caseworker);

    public static IReadOnlyList<ChoiceItem> Kinds { get; } = [.. Enum.GetValues<RecommendationKind>().Select(k => new ChoiceItem(k.ToString(), k.Describe()))];

    public static IReadOnlyList<ChoiceItem> Categories { get; } = [.. Enum.GetValues<RecommendationCategory>().Select(c => new ChoiceItem(c.ToString(), c.Describe()))];

    public static IReadOnlyList<ChoiceItem> DueChoices { get; } =
        [new(nameof(DueBy.WorkingDays), "Working days from the decision"), new(nameof(DueBy.Date), "A date")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => mediator.Send(
                new DraftRecommendation(Reference, Input.Kind, Input.Category, Input.Amount, Input.Text, Input.EvidenceExpected, Input.DueBy, Input.DueOn, Input.WorkingDays,
                    Input.CourseId, Input.TraineeIds.Count == 0 ? null : Input.TraineeIds), cancellationToken)))
        {
            SuccessMessage = "The draft has been saved. Issue it with the case's other drafts when they are all written.";
            return Redirect($"/cases/{Reference}/recommendations");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        var issued = 0;
        if (await TryAsync(async () => issued = await mediator.Send(new IssueCaseRecommendations(Reference, Drafts), cancellationToken), prefix: ""))
        {
            SuccessMessage = $"{issued} {(issued == 1 ? "recommendation has" : "recommendations have")} been issued to the body.";
            return Redirect($"/cases/{Reference}/recommendations");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Case = await mediator.Send(new GetCaseRecommendations(Reference), cancellationToken);

    public sealed class DraftForm
    {
        public RecommendationKind? Kind { get; set; }
        public RecommendationCategory? Category { get; set; }
        public decimal? Amount { get; set; }
        public string? Text { get; set; }
        public string? EvidenceExpected { get; set; }
        public DueBy? DueBy { get; set; }
        public DateParts DueOn { get; set; } = new();
        public int? WorkingDays { get; set; }
        public Guid? CourseId { get; set; }
        public List<Guid> TraineeIds { get; set; } = [];
    }

    public IReadOnlyList<ChoiceItem> CourseChoices => [.. Case.Courses.Select(c => new ChoiceItem(c.Id.ToString(), c.Title))];

    public IReadOnlyList<ChoiceItem> HandlerChoices => [.. Case.Handlers.Select(h => new ChoiceItem(h.Id.ToString(), h.Name))];
}
