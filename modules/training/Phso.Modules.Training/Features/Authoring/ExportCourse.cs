using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>A version of a course as a package (zip); the published version unless <c>Draft</c>.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record ExportCourse(Guid CourseId, bool Draft) : IQuery<ExportedCourse?>;

public sealed record ExportedCourse(string FileName, byte[] Zip);

internal sealed class ExportCourseHandler(TrainingDbContext db, CourseLookups courses) : IRequestHandler<ExportCourse, ExportedCourse?>
{
    public async Task<ExportedCourse?> Handle(ExportCourse request, CancellationToken cancellationToken)
    {
        if (await courses.WithVersions().AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken) is not { } course
            || (request.Draft ? course.Draft : course.Published) is not { } version)
        {
            return null;
        }

        var hashes = version.Content.Images.Select(i => i.Sha256).ToList();
        var images = await db.Images.AsNoTracking().Where(i => hashes.Contains(i.Sha256)).ToDictionaryAsync(i => i.Sha256, i => i.Content, cancellationToken);
        return new ExportedCourse($"{course.Key}-v{version.Number}.zip", CoursePackage.WriteZip(course.Key, version.Content, course.Recurrence, images));
    }
}
