using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>Imports a course package: a new course, or a new draft of the course with the package's key. A package
/// with any problem changes nothing and is refused with every problem's file and line.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record ImportCoursePackage(IReadOnlyDictionary<string, byte[]> Files) : ICommand<ImportedCourseResult>;

public sealed record ImportedCourseResult(Guid CourseId, string Title, bool IsNewCourse, int DraftNumber);

/// <summary>Publishes a course's draft.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record PublishCourse(Guid CourseId) : ICommand;

/// <summary>Retires a course: nobody new can enrol, reminders stop, and every record and certificate is kept.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record RetireCourse(Guid CourseId) : ICommand;

/// <summary>Every course, for authors.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record ListCourses : IQuery<IReadOnlyList<CourseSummary>>;

public sealed record CourseSummary(
    Guid Id, string Key, string Title, CourseCategory Category, CourseAudience Audience, int? PublishedNumber, int? DraftNumber, bool Recurring, bool Retired,
    int CurrentLearners, int Completed);

/// <summary>One course for its author: its versions and rules.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record GetCourseForAuthor(Guid CourseId) : IQuery<CourseForAuthor?>;

public sealed record CourseForAuthor(Course Course, IReadOnlyList<string> DraftProblems);

/// <summary>A version of a course as a package (zip); the published version unless <c>Draft</c>.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record ExportCourse(Guid CourseId, bool Draft) : IQuery<ExportedCourse?>;

public sealed record ExportedCourse(string FileName, byte[] Zip);

internal sealed class AuthoringHandlers(TrainingDbContext db, ICurrentUser me, TimeProvider clock)
    : IRequestHandler<ImportCoursePackage, ImportedCourseResult>, IRequestHandler<PublishCourse, Unit>, IRequestHandler<RetireCourse, Unit>,
        IRequestHandler<ListCourses, IReadOnlyList<CourseSummary>>, IRequestHandler<GetCourseForAuthor, CourseForAuthor?>, IRequestHandler<ExportCourse, ExportedCourse?>
{
    public async Task<ImportedCourseResult> Handle(ImportCoursePackage request, CancellationToken cancellationToken)
    {
        ImportedCourse imported;
        try
        {
            imported = CoursePackage.Read(request.Files);
        }
        catch (PackageException e)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["Package"] = [.. e.Problems.Select(p => p.ToString())] });
        }

        var now = clock.GetUtcNow();
        await PartnerCourses.CourseImages.StoreAsync(db, imported.Images, now, cancellationToken);
        var course = await Courses().SingleOrDefaultAsync(c => c.Key == imported.Key, cancellationToken);
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

    public async Task<Unit> Handle(PublishCourse request, CancellationToken cancellationToken)
    {
        (await FindAsync(request.CourseId, cancellationToken)).Publish(me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }

    public async Task<Unit> Handle(RetireCourse request, CancellationToken cancellationToken)
    {
        (await FindAsync(request.CourseId, cancellationToken)).Retire(clock.GetUtcNow());
        return Unit.Value;
    }

    public async Task<IReadOnlyList<CourseSummary>> Handle(ListCourses request, CancellationToken cancellationToken)
    {
        var courses = await Courses().AsNoTracking().OrderBy(c => c.Title).ToListAsync(cancellationToken);
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

    public async Task<CourseForAuthor?> Handle(GetCourseForAuthor request, CancellationToken cancellationToken) =>
        await Courses().AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken) is { } course
            ? new CourseForAuthor(course, course.Draft?.Content.Problems() ?? [])
            : null;

    public async Task<ExportedCourse?> Handle(ExportCourse request, CancellationToken cancellationToken)
    {
        if (await Courses().AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken) is not { } course
            || (request.Draft ? course.Draft : course.Published) is not { } version)
        {
            return null;
        }

        var hashes = version.Content.Images.Select(i => i.Sha256).ToList();
        var images = await db.Images.AsNoTracking().Where(i => hashes.Contains(i.Sha256)).ToDictionaryAsync(i => i.Sha256, i => i.Content, cancellationToken);
        return new ExportedCourse($"{course.Key}-v{version.Number}.zip", CoursePackage.WriteZip(course.Key, version.Content, course.Recurrence, images));
    }

    private IQueryable<Course> Courses() => db.Courses.Include(c => c.Versions);

    private async Task<Course> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Courses().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such course.");
}
