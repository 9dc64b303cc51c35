using MediatR;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Publishes a course's draft.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record PublishCourse(Guid CourseId) : ICommand;

internal sealed class PublishCourseHandler(ICurrentUser me, TimeProvider clock, CourseLookups courses) : IRequestHandler<PublishCourse, Unit>
{
    public async Task<Unit> Handle(PublishCourse request, CancellationToken cancellationToken)
    {
        (await courses.FindAsync(request.CourseId, cancellationToken)).Publish(me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }
}
