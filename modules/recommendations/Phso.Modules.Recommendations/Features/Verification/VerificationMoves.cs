using FluentValidation;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Features.Verification;

// The caseworker's moves after issue: agree an alternative after a refusal, check evidence (accept it, or ask for
// more as often as needed), record that the body did not comply, or withdraw. Each is a step in the history, and the
// body's partner leads are told.

/// <summary>After the body did not accept: what it will do instead, and by when.</summary>
[RequiresPolicy(RecommendationsPolicies.Work)]
public sealed record AgreeAlternative(Guid RecommendationId, int? Version, string? Alternative, DateParts? DueOn) : ICommand, IRecommendationCommand;

/// <summary>The evidence is not enough yet: what more is needed.</summary>
[RequiresPolicy(RecommendationsPolicies.Work)]
public sealed record AskForMoreEvidence(Guid RecommendationId, int? Version, string? Reason) : ICommand, IRecommendationCommand;

/// <summary>The evidence shows the recommendation was done: complied, or complied late when it came after the due date.</summary>
[RequiresPolicy(RecommendationsPolicies.Work)]
public sealed record AcceptEvidence(Guid RecommendationId, int? Version, string? Note) : ICommand, IRecommendationCommand;

/// <summary>The body has not complied and follow-up ends.</summary>
[RequiresPolicy(RecommendationsPolicies.Work)]
public sealed record RecordNotComplied(Guid RecommendationId, int? Version, string? Reason) : ICommand, IRecommendationCommand;

/// <summary>Takes a recommendation back (a draft, or an issued one), with the reason.</summary>
[RequiresPolicy(RecommendationsPolicies.Work)]
public sealed record WithdrawRecommendation(Guid RecommendationId, int? Version, string? Reason) : ICommand, IRecommendationCommand;

internal sealed class AgreeAlternativeValidator : RecommendationCommandValidator<AgreeAlternative>
{
    public AgreeAlternativeValidator()
    {
        RuleFor(r => r.Alternative).IsText("Enter what the body will do instead", Recommendation.MaxNoteLength, "The alternative");
        RuleFor(r => r.DueOn).Custom((parts, context) =>
        {
            if (!(parts ?? new DateParts()).TryRead("Due date", out _, out var error))
            {
                context.AddFailure(error);
            }
        });
    }
}

internal sealed class AskForMoreEvidenceValidator : RecommendationCommandValidator<AskForMoreEvidence>
{
    public AskForMoreEvidenceValidator() => RuleFor(r => r.Reason).IsText("Say what more evidence is needed", Recommendation.MaxNoteLength, "The reason");
}

internal sealed class AcceptEvidenceValidator : RecommendationCommandValidator<AcceptEvidence>
{
    public AcceptEvidenceValidator() => RuleFor(r => r.Note).IsOptionalText(Recommendation.MaxNoteLength, "The note");
}

internal sealed class RecordNotCompliedValidator : RecommendationCommandValidator<RecordNotComplied>
{
    public RecordNotCompliedValidator() => RuleFor(r => r.Reason).IsText("Say why the body has not complied", Recommendation.MaxNoteLength, "The reason");
}

internal sealed class WithdrawRecommendationValidator : RecommendationCommandValidator<WithdrawRecommendation>
{
    public WithdrawRecommendationValidator() => RuleFor(r => r.Reason).IsText("Say why the recommendation is withdrawn", Recommendation.MaxNoteLength, "The reason");
}

internal sealed class AgreeAlternativeHandler(RecommendationServices services) : RecommendationCommandHandler<AgreeAlternative>(services)
{
    protected override Task ApplyAsync(Recommendation recommendation, AgreeAlternative command, CancellationToken cancellationToken)
    {
        command.DueOn!.TryRead("Due date", out var dueOn, out _);
        if (dueOn < Services.Today)
        {
            throw RequestValidationException.For<AgreeAlternative>(r => r.DueOn, "The due date must be today or in the future");
        }

        recommendation.AgreeAlternative(Services.Actor, Services.Now, command.Alternative!.Trim(), dueOn);
        return Services.NotifyBodyAsync(recommendation, $"Case {recommendation.CaseReference}: alternative agreed",
            $"The ombudsman recorded the alternative agreed with {recommendation.BodyName}, due by {dueOn:d MMMM yyyy}. Send evidence when it is done.", cancellationToken);
    }
}

internal sealed class AskForMoreEvidenceHandler(RecommendationServices services) : RecommendationCommandHandler<AskForMoreEvidence>(services)
{
    protected override Task ApplyAsync(Recommendation recommendation, AskForMoreEvidence command, CancellationToken cancellationToken)
    {
        recommendation.AskForMoreEvidence(Services.Actor, Services.Now, command.Reason!.Trim());
        return Services.NotifyBodyAsync(recommendation, $"Case {recommendation.CaseReference}: more evidence needed",
            "The ombudsman has checked your evidence and needs more before it can record the recommendation as done.", cancellationToken);
    }
}

internal sealed class AcceptEvidenceHandler(RecommendationServices services) : RecommendationCommandHandler<AcceptEvidence>(services)
{
    protected override Task ApplyAsync(Recommendation recommendation, AcceptEvidence command, CancellationToken cancellationToken)
    {
        recommendation.AcceptEvidence(Services.Actor, Services.Now, Services.Today, command.Note?.Trim());
        return Services.NotifyBodyAsync(recommendation, $"Case {recommendation.CaseReference}: recommendation {recommendation.Status.Describe().ToLowerInvariant()}",
            "The ombudsman has accepted your evidence. Nothing more is needed for this recommendation.", cancellationToken);
    }
}

internal sealed class RecordNotCompliedHandler(RecommendationServices services) : RecommendationCommandHandler<RecordNotComplied>(services)
{
    protected override Task ApplyAsync(Recommendation recommendation, RecordNotComplied command, CancellationToken cancellationToken)
    {
        recommendation.RecordNotComplied(Services.Actor, Services.Now, Services.Today, command.Reason!.Trim());
        return Services.NotifyBodyAsync(recommendation, $"Case {recommendation.CaseReference}: recorded as not complied",
            $"The ombudsman has recorded that {recommendation.BodyName} did not comply with a recommendation.", cancellationToken);
    }
}

internal sealed class WithdrawRecommendationHandler(RecommendationServices services) : RecommendationCommandHandler<WithdrawRecommendation>(services)
{
    protected override Task ApplyAsync(Recommendation recommendation, WithdrawRecommendation command, CancellationToken cancellationToken)
    {
        var wasIssued = recommendation.Status != RecommendationStatus.Draft;
        recommendation.Withdraw(Services.Actor, Services.Now, Services.Today, command.Reason!.Trim());
        return wasIssued
            ? Services.NotifyBodyAsync(recommendation, $"Case {recommendation.CaseReference}: recommendation withdrawn", "The ombudsman has withdrawn a recommendation. Nothing more is needed for it.", cancellationToken)
            : Task.CompletedTask;
    }
}
