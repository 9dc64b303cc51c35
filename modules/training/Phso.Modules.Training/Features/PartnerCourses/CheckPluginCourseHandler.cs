using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.Modules.Training.Persistence;

namespace Phso.Modules.Training.Features.PartnerCourses;

/// <summary>Reads a plugin's course as <see cref="PartnerCourseHandlers"/> would import it, and says what would stop it.</summary>
internal sealed class CheckPluginCourseHandler(TrainingDbContext db) : IRequestHandler<CheckPluginCourse, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(CheckPluginCourse request, CancellationToken cancellationToken)
    {
        ImportedCourse imported;
        try
        {
            imported = CoursePackage.Read(request.Files);
        }
        catch (PackageException e)
        {
            return [.. e.Problems.Select(p => p.ToString())];
        }

        var source = PartnerCourseHandlers.SourceOf(request.PluginId);
        var taken = await db.Courses.AsNoTracking().Where(c => c.Key == imported.Key && c.Source != source).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken);
        return taken is null
            ? []
            : [$"{CoursePackage.ManifestName}: the course key \"{imported.Key}\" is already used by the course \"{taken}\"; give your course a key of its own"];
    }
}
