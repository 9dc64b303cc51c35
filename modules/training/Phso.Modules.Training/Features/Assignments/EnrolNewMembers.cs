using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Assignments;

/// <summary>Enrols people who joined an assigned group since it was assigned; run by the nightly job.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record EnrolNewMembers : ICommand<int>;

internal sealed class EnrolNewMembersHandler(TrainingDbContext db, AssignmentEnrolments enrolling) : IRequestHandler<EnrolNewMembers, int>
{
    public async Task<int> Handle(EnrolNewMembers request, CancellationToken cancellationToken)
    {
        var enrolled = 0;
        var assignments = await db.Assignments.Where(a => a.RemovedAt == null && a.Target != AssignmentTarget.Person && a.Target != AssignmentTarget.NamedHandlers).ToListAsync(cancellationToken);
        foreach (var assignment in assignments)
        {
            var course = await db.Courses.Include(c => c.Versions).SingleAsync(c => c.Id == assignment.CourseId, cancellationToken);
            if (course.Published is null || course.IsRetired)
            {
                continue;
            }

            if (await enrolling.PeopleAsync(assignment.Target, assignment.TargetId, cancellationToken) is not var (people, _))
            {
                continue;
            }

            enrolled += await enrolling.EnrolAsync(course, assignment, [.. people.Where(p => AssignmentEnrolments.Suits(course, p))], cancellationToken);
        }

        return enrolled;
    }
}
