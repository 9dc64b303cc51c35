using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Assignments;

/// <summary>The current assignments of a course; without a course, those the signed-in person made.</summary>
[RequiresPolicy(TrainingPolicies.Assign)]
public sealed record ListAssignments(Guid? CourseId) : IQuery<IReadOnlyList<AssignmentRow>>;

public sealed record AssignmentRow(Guid Id, string CourseTitle, string TargetName, DateOnly DueOn, string AssignedBy, DateTimeOffset AssignedAt);

internal sealed class ListAssignmentsHandler(TrainingDbContext db, ICurrentUser me) : IRequestHandler<ListAssignments, IReadOnlyList<AssignmentRow>>
{
    public async Task<IReadOnlyList<AssignmentRow>> Handle(ListAssignments request, CancellationToken cancellationToken) =>
        [.. (await db.Assignments.AsNoTracking()
            .Where(a => a.RemovedAt == null && (request.CourseId == null ? a.AssignedById == me.Id : a.CourseId == request.CourseId))
            .Join(db.Courses.AsNoTracking(), a => a.CourseId, c => c.Id, (a, c) => new { a.Id, c.Title, a.TargetName, a.DueOn, a.AssignedBy, a.AssignedAt })
            .OrderBy(a => a.DueOn).Take(500).ToListAsync(cancellationToken))
            .Select(a => new AssignmentRow(a.Id, a.Title, a.TargetName, a.DueOn, a.AssignedBy, a.AssignedAt))];
}
