using FluentValidation;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Recommendations.Features.Escalation;

/// <summary>A senior manager's decision on an escalated recommendation: report the body publicly (the last resort, a
/// special report to Parliament), or not, and why. The caseworker is told; the body is not (it is told when a report
/// is made, outside this service).</summary>
[RequiresPolicy(RecommendationsPolicies.Escalations)]
public sealed record DecidePublicReport(Guid RecommendationId, int? Version, bool? ReportPublicly, string? Reason) : ICommand, IRecommendationCommand;

internal sealed class DecidePublicReportValidator : RecommendationCommandValidator<DecidePublicReport>
{
    public DecidePublicReportValidator()
    {
        RuleFor(r => r.ReportPublicly).NotNull().WithMessage("Choose whether to report the body publicly");
        RuleFor(r => r.Reason).IsText("Say why the body will or will not be reported publicly", Recommendation.MaxNoteLength, "The reason");
    }
}

internal sealed class DecidePublicReportHandler(RecommendationServices services) : RecommendationCommandHandler<DecidePublicReport>(services)
{
    protected override Task ApplyAsync(Recommendation recommendation, DecidePublicReport command, CancellationToken cancellationToken)
    {
        recommendation.DecidePublicReport(Services.Actor, Services.Now, Services.Today, command.ReportPublicly!.Value, command.Reason!);
        Services.Notify(recommendation.CaseworkerId, $"Case {recommendation.CaseReference}: decision on a public report",
            command.ReportPublicly.Value
                ? $"{Services.Me.DisplayName} decided that {recommendation.BodyName} will be reported publicly for not complying."
                : $"{Services.Me.DisplayName} decided not to report {recommendation.BodyName} publicly for now.",
            RecommendationServices.StaffLink(recommendation));
        return Task.CompletedTask;
    }
}
