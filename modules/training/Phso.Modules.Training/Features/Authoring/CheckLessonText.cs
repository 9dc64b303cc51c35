using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Checks a lesson's Markdown against the draft's images and renders nothing: for the editor's preview.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record CheckLessonText(Guid CourseId, string? Markdown) : IQuery<IReadOnlyList<string>>;

internal sealed class CheckLessonTextHandler(TrainingDbContext db) : IRequestHandler<CheckLessonText, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(CheckLessonText request, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Include(c => c.Versions).AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken)
            ?? throw new NotFoundException("There is no such course.");
        var content = (course.Draft ?? course.Published)?.Content ?? throw new NotFoundException("The course has no content yet.");
        var check = LessonMarkdown.Check(request.Markdown ?? "", "lessons/lesson.md", content.Images.Select(i => i.Name).ToHashSet(StringComparer.Ordinal));
        return [.. check.Problems.Select(p => $"Line {p.Line}: {p.Message}")];
    }
}
