using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Every course, for authors.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record ListCourses : IQuery<IReadOnlyList<CourseSummary>>;

public sealed record CourseSummary(
    Guid Id, string Key, string Title, CourseCategory Category, CourseAudience Audience, int? PublishedNumber, int? DraftNumber, bool Recurring, bool Retired,
    int CurrentLearners, int Completed);

internal sealed class ListCoursesHandler(TrainingDbContext db, CourseLookups lookups) : IRequestHandler<ListCourses, IReadOnlyList<CourseSummary>>
{
    public async Task<IReadOnlyList<CourseSummary>> Handle(ListCourses request, CancellationToken cancellationToken)
    {
        var courses = await lookups.WithVersions().AsNoTracking().OrderBy(c => c.Title).ToListAsync(cancellationToken);
        var counts = await db.Enrolments.AsNoTracking().Where(e => e.ArchivedAt == null && e.EndedAt == null)
            .GroupBy(e => e.CourseId)
            .Select(g => new { CourseId = g.Key, Current = g.Count(), Completed = g.Count(e => e.Status == EnrolmentStatus.Completed) })
            .ToListAsync(cancellationToken);
        return [.. courses.Select(c =>
        {
            var count = counts.SingleOrDefault(x => x.CourseId == c.Id);
            return new CourseSummary(c.Id, c.Key, c.Title, c.Category, c.Audience, c.PublishedNumber, c.Draft?.Number, c.Recurrence is not null, c.IsRetired,
                count?.Current ?? 0, count?.Completed ?? 0);
        })];
    }
}
