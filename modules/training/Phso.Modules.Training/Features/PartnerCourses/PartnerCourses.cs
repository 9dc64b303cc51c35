using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.Modules.Training.Persistence;

namespace Phso.Modules.Training.Features.PartnerCourses;

/// <summary>
/// Courses partner plugins bring: imported and published for the named organisation's handlers only while the plugin
/// runs, retired (never deleted: records and certificates stay) when it stops, and back when it starts again. A course
/// whose package is broken, whose organisation is not in the register, or whose key another course already uses is
/// skipped with a warning; the rest still arrive.
/// </summary>
internal sealed partial class PartnerCourseHandlers(TrainingDbContext db, IMediator mediator, TimeProvider clock, ILogger<PartnerCourseHandlers> logger)
    : INotificationHandler<PluginCoursesOffered>, INotificationHandler<PluginCoursesWithdrawn>
{
    public static string SourceOf(string pluginId) => $"plugin:{pluginId}";

    public async Task Handle(PluginCoursesOffered notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var source = SourceOf(notification.PluginId);
        var now = clock.GetUtcNow();
        foreach (var offered in notification.Courses)
        {
            ImportedCourse imported;
            try
            {
                imported = CoursePackage.Read(offered.Files);
            }
            catch (PackageException e)
            {
                LogSkipped(logger, notification.PluginId, e.Message);
                continue;
            }

            var organisationName = offered.Organisations.Count > 0 ? offered.Organisations[0] : "";
            var organisation = (await mediator.Send(new FindOrganisations(NameContains: organisationName, IncludeClosed: false, PageSize: 50), cancellationToken)).Items
                .FirstOrDefault(o => string.Equals(o.Name, organisationName, StringComparison.OrdinalIgnoreCase));
            if (organisation is null)
            {
                LogSkipped(logger, notification.PluginId, $"the organisation \"{organisationName}\" is not in the register");
                continue;
            }

            await CourseImages.StoreAsync(db, imported.Images, now, cancellationToken);
            var course = await db.Courses.Include(c => c.Versions).SingleOrDefaultAsync(c => c.Key == imported.Key, cancellationToken);
            if (course is null)
            {
                course = Course.Create(imported.Key, imported.Content, imported.Recurrence, organisation.Id, source, notification.PluginName, now);
                db.Courses.Add(course);
                course.Publish(notification.PluginName, now);
            }
            else if (course.Source != source)
            {
                LogSkipped(logger, notification.PluginId, $"another course already has the key \"{imported.Key}\"");
            }
            else
            {
                course.Reinstate();
                if (course.Published is not { } published || CourseVersion.Differs(published.Content, imported.Content))
                {
                    course.SaveDraft(imported.Content, notification.PluginName, now);
                    course.Publish(notification.PluginName, now);
                }
            }
        }
    }

    public async Task Handle(PluginCoursesWithdrawn notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var source = SourceOf(notification.PluginId);
        foreach (var course in await db.Courses.Where(c => c.Source == source && c.RetiredAt == null).ToListAsync(cancellationToken))
        {
            course.Retire(clock.GetUtcNow());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A course from plugin {PluginId} was skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string pluginId, string reason);
}

/// <summary>Keeps each image's bytes once: an image already kept (by another version or course) is not stored again.</summary>
internal static class CourseImages
{
    public static async Task StoreAsync(TrainingDbContext db, IReadOnlyList<PackageImage> images, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hashes = images.Select(i => i.Sha256).ToList();
        var kept = await db.Images.Where(i => hashes.Contains(i.Sha256)).Select(i => i.Sha256).ToListAsync(cancellationToken);
        foreach (var image in images.Where(i => !kept.Contains(i.Sha256) && !db.Images.Local.Any(l => l.Sha256 == i.Sha256)).DistinctBy(i => i.Sha256))
        {
            db.Images.Add(StoredImage.Create(image.Sha256, image.ContentType, image.Bytes, now));
        }
    }
}
