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

internal sealed class GetLearnerCourseHandler(TrainingDbContext db, LearnerRecords learner) : IRequestHandler<GetLearnerCourse, LearnerCourse?>
{
    public async Task<LearnerCourse?> Handle(GetLearnerCourse request, CancellationToken cancellationToken)
    {
        var record = await learner.Current(request.CourseId).AsNoTracking().Include(e => e.Views).Include(e => e.Attempts).SingleOrDefaultAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking().Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken);
        if (course is null || (record is null && !await learner.OpenToMe().AnyAsync(c => c.Id == request.CourseId, cancellationToken)))
        {
            return null;
        }

        var content = (record is null ? course.Published : course.Versions.Single(v => v.Id == record.CourseVersionId))!.Content;
        var certificate = record is { Status: EnrolmentStatus.Completed }
            ? await db.Certificates.AsNoTracking().Where(c => c.EnrolmentId == record.Id).Select(c => c.Code).SingleOrDefaultAsync(cancellationToken)
            : null;
        var nextLesson = record is null ? content.Lessons.FirstOrDefault() : record.NextUnreadLesson(content);
        return new LearnerCourse(course.Id, content, course.Recurrence is not null, record, record?.Progress(content) ?? 0, nextLesson,
            nextLesson is null && record?.QuizWaiting(content) == true, record?.AttemptsLeft(content) ?? content.Quiz?.MaxAttempts, certificate);
    }
}
