using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Learning;

/// <summary>Enrols the signed-in person on a course open to them (nothing happens if they already are).</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record Enrol(Guid CourseId) : ICommand;

internal sealed class EnrolHandler(TrainingDbContext db, LearnerRecords learner, TimeProvider clock) : IRequestHandler<Enrol, Unit>
{
    public async Task<Unit> Handle(Enrol request, CancellationToken cancellationToken)
    {
        if (await learner.Current(request.CourseId).AnyAsync(cancellationToken))
        {
            return Unit.Value;
        }

        var course = await learner.OpenToMe().Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken)
            ?? throw new NotFoundException("There is no such course open to you.");
        db.Enrolments.Add(Enrolment.Start(learner.Me, course, EnrolmentOrigin.SelfEnrolled, null, null, clock.GetUtcNow()));
        return Unit.Value;
    }
}
