using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Assignments;

/// <summary>Removes an assignment: its unfinished records end (no more reminders); finished ones stay as history.</summary>
[RequiresPolicy(TrainingPolicies.Assign)]
public sealed record RemoveAssignment(Guid AssignmentId) : ICommand<int>;

internal sealed class RemoveAssignmentHandler(TrainingDbContext db, ICurrentUser me, TimeProvider clock) : IRequestHandler<RemoveAssignment, int>
{
    public async Task<int> Handle(RemoveAssignment request, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == request.AssignmentId && a.RemovedAt == null, cancellationToken)
            ?? throw new NotFoundException("There is no such assignment.");
        if (!me.IsSystem && !me.IsInRole(Roles.Admin) && assignment.AssignedById != me.Id)
        {
            throw new RuleViolationException("Only the person who assigned the course, or an admin, can remove the assignment.");
        }

        var now = clock.GetUtcNow();
        assignment.RemovedAt = now;
        var records = await db.Enrolments.Where(e => e.AssignmentId == assignment.Id && e.EndedAt == null && e.ArchivedAt == null).ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var record in records.Where(r => !r.IsFinished))
        {
            record.End("Unassigned", now);
            ended++;
        }

        return ended;
    }
}
