using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.Modules.Recommendations.Features.Verification;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages.Recommendations;

/// <summary>A caseworker's move: any recommendation, back to its staff page.</summary>
[Authorize(Policy = RecommendationsPolicies.Work)]
public abstract class StaffMovePage(IMediator mediator) : MovePage(mediator)
{
    public override string BackLink => $"/recommendations/{Recommendation.Id}";

    protected override string Done => "Done: the recommendation has moved on.";

    protected override Task<RecommendationView?> LoadAsync(Guid id, CancellationToken cancellationToken) => Mediator.Send(new GetRecommendation(id), cancellationToken);
}

public sealed class AcceptEvidenceModel(IMediator mediator) : StaffMovePage(mediator)
{
    [BindProperty]
    public NoteForm Input { get; set; } = new();

    public override string Title => "Accept the evidence";

    protected override IRequest<Unit> Command(Guid id) => new AcceptEvidence(id, Version, Input.Note);

    public sealed class NoteForm
    {
        public string? Note { get; set; }
    }
}

public sealed class MoreEvidenceModel(IMediator mediator) : StaffMovePage(mediator)
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    public override string Title => "Ask for more evidence";

    protected override IRequest<Unit> Command(Guid id) => new AskForMoreEvidence(id, Version, Input.Reason);
}

public sealed class AlternativeModel(IMediator mediator) : StaffMovePage(mediator)
{
    [BindProperty]
    public AlternativeForm Input { get; set; } = new();

    public override string Title => "Record an alternative agreed with the body";

    protected override IRequest<Unit> Command(Guid id) => new AgreeAlternative(id, Version, Input.Alternative, Input.DueOn);

    public sealed class AlternativeForm
    {
        public string? Alternative { get; set; }
        public DateParts DueOn { get; set; } = new();
    }
}

public sealed class NotCompliedModel(IMediator mediator) : StaffMovePage(mediator)
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    public override string Title => "Record that the body did not comply";

    protected override IRequest<Unit> Command(Guid id) => new RecordNotComplied(id, Version, Input.Reason);
}

public sealed class WithdrawModel(IMediator mediator) : StaffMovePage(mediator)
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    public override string Title => "Withdraw the recommendation";

    protected override IRequest<Unit> Command(Guid id) => new WithdrawRecommendation(id, Version, Input.Reason);
}

/// <summary>A move that needs a reason.</summary>
public sealed class ReasonForm
{
    public string? Reason { get; set; }
}
