using MediatR;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Recommendations.Features.ReadRecommendations;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Pages;

/// <summary>What every page making one move on a recommendation shares, written once: load it (for the body, only its
/// own: anything else is a 404), the version read, the command, and a form that keeps what was typed through a
/// refusal (400 on the inputs, 409 for a move the status does not allow) or a conflict (shown as it is now).</summary>
public abstract class MovePage(IMediator mediator) : PhsoPageModel
{
    [BindProperty]
    public int? Version { get; set; }

    public RecommendationView Recommendation { get; private set; } = default!;

    public abstract string Title { get; }

    public abstract string BackLink { get; }

    protected IMediator Mediator => mediator;

    /// <summary>Staff read any recommendation; the body only its own.</summary>
    protected abstract Task<RecommendationView?> LoadAsync(Guid id, CancellationToken cancellationToken);

    protected abstract IRequest<Unit> Command(Guid id);

    protected abstract string Done { get; }

    /// <summary>Work before the command (keeping files); false stops with the page shown again.</summary>
    protected virtual Task<bool> PrepareAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Undoes <see cref="PrepareAsync"/> when the command was refused.</summary>
    protected virtual void Refused(Guid id)
    {
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Recommendation = found;
        Version = found.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Recommendation = found;
        var sent = false;
        try
        {
            sent = ModelState.IsValid && await PrepareAsync(id, cancellationToken) && await TryAsync(() => mediator.Send(Command(id), cancellationToken));
        }
        finally
        {
            if (!sent)
            {
                Refused(id);
            }
        }

        if (sent)
        {
            SuccessMessage = Done;
            return Redirect(BackLink);
        }

        Recommendation = (await LoadAsync(id, cancellationToken))!;
        if (ConcurrencyConflict)
        {
            Version = Recommendation.Version;
        }

        return Page();
    }
}
