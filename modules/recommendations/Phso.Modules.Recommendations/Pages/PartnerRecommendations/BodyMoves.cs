using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.BodyResponses;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.SharedKernel.Files;

namespace Phso.Modules.Recommendations.Pages.PartnerRecommendations;

/// <summary>The body's move: only its own organisation's recommendations (anything else is a 404).</summary>
[Authorize(Policy = RecommendationsPolicies.Respond)]
public abstract class BodyMovePage(IMediator mediator) : MovePage(mediator)
{
    public override string BackLink => $"/partner/recommendations/{Recommendation.Id}";

    protected override Task<RecommendationView?> LoadAsync(Guid id, CancellationToken cancellationToken) => Mediator.Send(new GetOurRecommendation(id), cancellationToken);
}

public sealed class AcceptModel(IMediator mediator) : BodyMovePage(mediator)
{
    [BindProperty]
    public NoteForm Input { get; set; } = new();

    public override string Title => "Accept the recommendation";

    protected override string Done => "You have accepted the recommendation. Send evidence when it is done.";

    protected override IRequest<Unit> Command(Guid id) => new AcceptRecommendation(id, Version, Input.Note);

    public sealed class NoteForm
    {
        public string? Note { get; set; }
    }
}

public sealed class RefuseModel(IMediator mediator) : BodyMovePage(mediator)
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    public override string Title => "Do not accept the recommendation";

    protected override string Done => "The ombudsman has been told that your organisation does not accept the recommendation.";

    protected override IRequest<Unit> Command(Guid id) => new RefuseRecommendation(id, Version, Input.Reason);

    public sealed class ReasonForm
    {
        public string? Reason { get; set; }
    }
}

/// <summary>Evidence: files are checked by content and kept before the command is sent, and deleted again when it is
/// refused; a refused file is shown on the file input with what was typed kept.</summary>
[RequestSizeLimit(SendEvidenceValidatorLimits.MaxRequestBytes)]
public sealed class EvidenceModel(IMediator mediator, EvidenceFiles evidence) : BodyMovePage(mediator)
{
    private readonly List<KeptEvidenceFile> _kept = [];

    [BindProperty]
    public EvidenceForm Input { get; set; } = new();

    public override string Title => "Send evidence";

    protected override string Done => "Your evidence has been sent to the ombudsman.";

    protected override IRequest<Unit> Command(Guid id) => new SendEvidence(id, Version, Input.Description, _kept);

    protected override async Task<bool> PrepareAsync(Guid id, CancellationToken cancellationToken)
    {
        var chosen = (Input.Files ?? []).Where(u => u.Length > 0 || !string.IsNullOrEmpty(u.FileName)).ToList();
        if (chosen.Count > SendEvidenceValidatorLimits.MaxFiles)
        {
            AddError("Input_Files", $"Choose at most {SendEvidenceValidatorLimits.MaxFiles} files");
            return false;
        }

        foreach (var upload in chosen)
        {
            try
            {
                await using var stream = upload.OpenReadStream();
                _kept.Add(await evidence.KeepAsync(id, upload.FileName, stream, cancellationToken));
            }
            catch (FileRefusedException e)
            {
                AddError("Input_Files", $"{CheckedFiles.CleanName(upload.FileName)}: {e.Message}");
                return false;
            }
        }

        return true;
    }

    protected override void Refused(Guid id) => _kept.ForEach(f => evidence.Forget(id, f.Id));

    public sealed class EvidenceForm
    {
        public string? Description { get; set; }

        public List<IFormFile>? Files { get; set; }
    }
}
