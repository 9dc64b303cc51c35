using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Imports a course package: a new course, or a new draft of the course with the package's key. A package
/// with any problem changes nothing and is refused with every problem's file and line.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record ImportCoursePackage(IReadOnlyDictionary<string, byte[]> Package) : ICommand<ImportedCourseResult>;

public sealed record ImportedCourseResult(Guid CourseId, string Title, bool IsNewCourse, int DraftNumber);

internal sealed class ImportCoursePackageHandler(TrainingDbContext db, ICurrentUser me, TimeProvider clock, CourseLookups courses) : IRequestHandler<ImportCoursePackage, ImportedCourseResult>
{
    public async Task<ImportedCourseResult> Handle(ImportCoursePackage request, CancellationToken cancellationToken)
    {
        ImportedCourse imported;
        try
        {
            imported = CoursePackage.Read(request.Package);
        }
        catch (PackageException e)
        {
            throw RequestValidationException.For<ImportCoursePackage>(r => r.Package, e.Problems.Select(p => p.ToString()));
        }

        if (imported.Recurrence?.Problem is { } recurrence)
        {
            throw RequestValidationException.For<ImportCoursePackage>(r => r.Package, $"course.json: {recurrence}");
        }

        var now = clock.GetUtcNow();
        await PartnerCourses.CourseImages.StoreAsync(db, imported.Images, now, cancellationToken);
        var course = await courses.WithVersions().SingleOrDefaultAsync(c => c.Key == imported.Key, cancellationToken);
        if (course is null)
        {
            course = Course.Create(imported.Key, imported.Content, imported.Recurrence, null, null, me.DisplayName, now);
            db.Courses.Add(course);
            return new ImportedCourseResult(course.Id, course.Title, true, course.Draft!.Number);
        }

        course.SaveDraft(imported.Content, me.DisplayName, now);
        course.SetRecurrence(imported.Recurrence);
        return new ImportedCourseResult(course.Id, course.Title, false, course.Draft!.Number);
    }
}
