using MediatR;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Starts a draft from the published version, to change it on the course page.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record StartDraft(Guid CourseId, int Version) : ICommand<int>;

internal sealed class StartDraftHandler(ICurrentUser me, TimeProvider clock, DraftEditing drafts) : IRequestHandler<StartDraft, int>
{
    public async Task<int> Handle(StartDraft request, CancellationToken cancellationToken)
    {
        var course = await drafts.FindAsync(request.CourseId, request.Version, cancellationToken);
        if (course.Draft is not null)
        {
            throw new RuleViolationException("This course already has a draft: change that one.");
        }

        var published = course.Published ?? throw new RuleViolationException("There is nothing published to start from: import a package.");
        course.SaveDraft(published.Content, me.DisplayName, clock.GetUtcNow());
        return course.Draft!.Number;
    }
}
