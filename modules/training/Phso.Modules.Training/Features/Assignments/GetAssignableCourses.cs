using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Assignments;

/// <summary>The courses that can be assigned: published and not retired.</summary>
[RequiresPolicy(TrainingPolicies.Assign)]
public sealed record GetAssignableCourses : IQuery<IReadOnlyList<(Guid Id, string Title)>>;

internal sealed class GetAssignableCoursesHandler(TrainingDbContext db) : IRequestHandler<GetAssignableCourses, IReadOnlyList<(Guid Id, string Title)>>
{
    public async Task<IReadOnlyList<(Guid Id, string Title)>> Handle(GetAssignableCourses request, CancellationToken cancellationToken) =>
        [.. (await db.Courses.AsNoTracking().Where(c => c.PublishedNumber != null && c.RetiredAt == null).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.Title))];
}
