using MediatR;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Retires a course: nobody new can enrol, reminders stop, and every record and certificate is kept.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record RetireCourse(Guid CourseId) : ICommand;

internal sealed class RetireCourseHandler(TimeProvider clock, CourseLookups courses) : IRequestHandler<RetireCourse, Unit>
{
    public async Task<Unit> Handle(RetireCourse request, CancellationToken cancellationToken)
    {
        (await courses.FindAsync(request.CourseId, cancellationToken)).Retire(clock.GetUtcNow());
        return Unit.Value;
    }
}
