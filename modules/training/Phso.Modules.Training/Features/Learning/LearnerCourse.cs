using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Learning;

/// <summary>A course as the signed-in person sees it: the version they are on (or the published one before they
/// enrol), and their record. Null when the course is not open to them.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetLearnerCourse(Guid CourseId) : IQuery<LearnerCourse?>;

// NextLesson: the first lesson not yet read (the first lesson before enrolling), null once all are read; QuizIsNext:
// every lesson is read and the quiz is still to pass, so "Continue" goes to the quiz.
public sealed record LearnerCourse(
    Guid CourseId, CourseContent Content, bool Recurring, Enrolment? Record, int Progress, Lesson? NextLesson, bool QuizIsNext, int? AttemptsLeft, string? CertificateCode)
{
    public bool IsEnrolled => Record is not null;

    public bool HasViewed(string lessonKey) => Record?.Views.Any(v => v.LessonKey == lessonKey) == true;
}

internal sealed class GetLearnerCourseHandler(TrainingDbContext db, LearnerRecords learner, CourseContents contents) : IRequestHandler<GetLearnerCourse, LearnerCourse?>
{
    public async Task<LearnerCourse?> Handle(GetLearnerCourse request, CancellationToken cancellationToken)
    {
        var record = await learner.Current(request.CourseId).AsNoTracking().Include(e => e.Views).Include(e => e.Attempts).SingleOrDefaultAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == request.CourseId)
            .Select(c => new { c.Id, Recurring = c.Recurrence != null, Published = c.Versions.Where(v => v.Status == VersionStatus.Published).Select(v => (Guid?)v.Id).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null || (record is null && (course.Published is null || !await learner.OpenToMe().AnyAsync(c => c.Id == request.CourseId, cancellationToken))))
        {
            return null;
        }

        var content = await contents.OfVersionAsync(db, record?.CourseVersionId ?? course.Published!.Value, cancellationToken);
        var certificate = record is { Status: EnrolmentStatus.Completed }
            ? await db.Certificates.AsNoTracking().Where(c => c.EnrolmentId == record.Id).Select(c => c.Code).SingleOrDefaultAsync(cancellationToken)
            : null;
        var nextLesson = record is null ? content.Lessons.FirstOrDefault() : record.NextUnreadLesson(content);
        return new LearnerCourse(course.Id, content, course.Recurring, record, record?.Progress(content) ?? 0, nextLesson,
            nextLesson is null && record?.QuizWaiting(content) == true, record?.AttemptsLeft(content) ?? content.Quiz?.MaxAttempts, certificate);
    }
}
