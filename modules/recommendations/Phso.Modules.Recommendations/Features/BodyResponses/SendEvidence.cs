using FluentValidation;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Recommendations.Features.BodyResponses;

/// <summary>A file already checked and kept by <see cref="EvidenceFiles"/>, to go with the evidence.</summary>
public sealed record KeptEvidenceFile(Guid Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>The body sends evidence that it has done what was asked: a description and, optionally, files (PDF or
/// images, checked by their content and kept outside the web root before the command is sent).</summary>
[RequiresPolicy(RecommendationsPolicies.Respond)]
public sealed record SendEvidence(Guid RecommendationId, int? Version, string? Description, IReadOnlyList<KeptEvidenceFile>? Files = null) : ICommand, IBodyCommand;

/// <summary>How much evidence one sending may carry.</summary>
public static class SendEvidenceValidatorLimits
{
    public const int MaxFiles = 10;

    /// <summary>Ten files at the largest size, and the form around them.</summary>
    public const long MaxRequestBytes = (MaxFiles * EvidenceFiles.MaxBytes) + (1024 * 1024);
}

internal sealed class SendEvidenceValidator : RecommendationCommandValidator<SendEvidence>
{
    private const int MaxFiles = SendEvidenceValidatorLimits.MaxFiles;

    public SendEvidenceValidator()
    {
        RuleFor(r => r.Description).IsText("Describe the evidence: what your organisation did and how this shows it", Recommendation.MaxNoteLength, "The description");
        RuleFor(r => r.Files).Must(f => f is null || f.Count <= MaxFiles).WithMessage($"Send at most {MaxFiles} files at a time");
    }
}

internal sealed class SendEvidenceHandler(RecommendationServices services) : RecommendationCommandHandler<SendEvidence>(services)
{
    protected override Task ApplyAsync(Recommendation recommendation, SendEvidence command, CancellationToken cancellationToken)
    {
        var files = (command.Files ?? []).Select(f => new EvidenceFile
        {
            Id = f.Id, FileName = f.FileName, ContentType = f.ContentType, Size = f.Size, Sha256 = f.Sha256, AddedAt = Services.Now,
        });
        recommendation.SendEvidence(Services.BodyActor(recommendation), Services.Now, Services.Today, command.Description!.Trim(), files);
        Services.Notify(recommendation.CaseworkerId, $"Case {recommendation.CaseReference}: evidence to check",
            $"{recommendation.BodyName} sent evidence for a recommendation ({recommendation.Category.Describe().ToLowerInvariant()}). Accept it, or ask for more.",
            RecommendationServices.StaffLink(recommendation));
        return Task.CompletedTask;
    }
}
