using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>One course for its author: its versions and rules.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record GetCourseForAuthor(Guid CourseId) : IQuery<CourseForAuthor?>;

public sealed record CourseForAuthor(Course Course, IReadOnlyList<string> DraftProblems);

internal sealed class GetCourseForAuthorHandler(CourseLookups courses) : IRequestHandler<GetCourseForAuthor, CourseForAuthor?>
{
    public async Task<CourseForAuthor?> Handle(GetCourseForAuthor request, CancellationToken cancellationToken) =>
        await courses.WithVersions().AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken) is { } course
            ? new CourseForAuthor(course, course.Draft?.Content.Problems() ?? [])
            : null;
}
