using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.Escalation;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages.Recommendations;

/// <summary>A senior manager records whether an escalated recommendation's body will be reported publicly.</summary>
[Authorize(Policy = RecommendationsPolicies.Escalations)]
public sealed class PublicReportModel(IMediator mediator) : MovePage(mediator)
{
    public static IReadOnlyList<ChoiceItem> Choices { get; } =
        [new("true", "Yes: report the body publicly"), new("false", "No: not now")];

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public override string Title => "Decide whether to report the body publicly";

    public override string BackLink => "/recommendations/escalated";

    protected override string Done => "The decision is recorded and the caseworker told.";

    protected override Task<RecommendationView?> LoadAsync(Guid id, CancellationToken cancellationToken) => Mediator.Send(new GetRecommendation(id), cancellationToken);

    protected override IRequest<Unit> Command(Guid id) => new DecidePublicReport(id, Version, Input.ReportPublicly, Input.Reason);

    public sealed class DecisionForm
    {
        public bool? ReportPublicly { get; set; }
        public string? Reason { get; set; }
    }
}
