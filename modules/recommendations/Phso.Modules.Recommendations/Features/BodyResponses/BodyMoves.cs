using FluentValidation;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Recommendations.Features.BodyResponses;

// The body's moves: its partner leads and handlers accept a recommendation or say why not. Each is refused as "not
// found" for anyone outside the recommendation's organisation (IBodyCommand), and the caseworker is told.

/// <summary>The body accepts the recommendation (with an optional note, e.g. who will do it).</summary>
[RequiresPolicy(RecommendationsPolicies.Respond)]
public sealed record AcceptRecommendation(Guid RecommendationId, int? Version, string? Note) : ICommand, IBodyCommand;

/// <summary>The body does not accept the recommendation, and says why.</summary>
[RequiresPolicy(RecommendationsPolicies.Respond)]
public sealed record RefuseRecommendation(Guid RecommendationId, int? Version, string? Reason) : ICommand, IBodyCommand;

internal sealed class AcceptRecommendationValidator : RecommendationCommandValidator<AcceptRecommendation>
{
    public AcceptRecommendationValidator() => RuleFor(r => r.Note).IsOptionalText(Recommendation.MaxNoteLength, "The note");
}

internal sealed class RefuseRecommendationValidator : RecommendationCommandValidator<RefuseRecommendation>
{
    public RefuseRecommendationValidator() => RuleFor(r => r.Reason).IsText("Say why your organisation does not accept the recommendation", Recommendation.MaxNoteLength, "The reason");
}

internal sealed class AcceptRecommendationHandler(RecommendationServices services) : RecommendationCommandHandler<AcceptRecommendation>(services)
{
    protected override Task ApplyAsync(Recommendation recommendation, AcceptRecommendation command, CancellationToken cancellationToken)
    {
        recommendation.Accept(Services.BodyActor(recommendation), Services.Now, command.Note);
        Services.Notify(recommendation.CaseworkerId, $"Case {recommendation.CaseReference}: recommendation accepted",
            $"{recommendation.BodyName} accepted a recommendation ({recommendation.Category.Describe().ToLowerInvariant()}).", RecommendationServices.StaffLink(recommendation));
        return Task.CompletedTask;
    }
}

internal sealed class RefuseRecommendationHandler(RecommendationServices services) : RecommendationCommandHandler<RefuseRecommendation>(services)
{
    protected override Task ApplyAsync(Recommendation recommendation, RefuseRecommendation command, CancellationToken cancellationToken)
    {
        recommendation.Refuse(Services.BodyActor(recommendation), Services.Now, command.Reason!.Trim());
        Services.Notify(recommendation.CaseworkerId, $"Case {recommendation.CaseReference}: recommendation not accepted",
            $"{recommendation.BodyName} does not accept a recommendation. Record whether an alternative was agreed, or that it was not complied with.", RecommendationServices.StaffLink(recommendation));
        return Task.CompletedTask;
    }
}
