using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Learning;

// What a learner does: find a course open to them, enrol, read the lessons (picking up where they left off), take
// the quiz, and finish. Completing issues a certificate and publishes CourseCompleted in the same transaction. One
// request and its handler a file; what they share is here.

/// <summary>
/// What every learner request needs: who is asking, today's date, their current record on a course, the courses open
/// to them, and what completing a course does (a certificate superseding the last cycle's, and CourseCompleted in the
/// same transaction).
/// </summary>
internal sealed class LearnerRecords(TrainingDbContext db, ICurrentUser me, TimeProvider clock)
{
    public DateOnly Today => TrainingTime.Today(clock);

    public Guid Me => me.Id ?? throw new NotFoundException("Sign in to learn.");

    /// <summary>On completion: a certificate (superseding the one of the previous cycle) and the integration event.</summary>
    public async Task AfterChangeAsync(Enrolment record, Course course, CourseContent content, bool wasFinished, CancellationToken cancellationToken)
    {
        if (wasFinished || record.Status != EnrolmentStatus.Completed)
        {
            return;
        }

        var certificate = Certificate.Issue(record, me.DisplayName, content, record.CompletedOn!.Value);
        var earlier = await db.Certificates.Where(c => c.PersonId == record.PersonId && c.CourseId == course.Id && c.SupersededById == null && c.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var previous in earlier)
        {
            previous.SupersededBy(certificate);
        }

        db.Certificates.Add(certificate);
        db.Publish(new CourseCompleted(record.PersonId, course.Id, content.Title, content.Category, content.Hours, record.CompletedOn.Value));
    }

    public async Task<(Enrolment Record, Course Course, CourseContent Content, DateOnly? PreviousExpiry)> LoadAsync(Guid courseId, CancellationToken cancellationToken)
    {
        var record = await Current(courseId).Include(e => e.Views).Include(e => e.Attempts).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolationException("Enrol on the course first.");
        var course = await db.Courses.Include(c => c.Versions).SingleAsync(c => c.Id == courseId, cancellationToken);
        var previousExpiry = await db.Enrolments.Where(e => e.PersonId == record.PersonId && e.CourseId == courseId && e.ArchivedAt != null)
            .OrderByDescending(e => e.ArchivedAt).Select(e => e.ExpiresOn).FirstOrDefaultAsync(cancellationToken);
        return (record, course, course.Versions.Single(v => v.Id == record.CourseVersionId).Content, previousExpiry);
    }

    public IQueryable<Enrolment> Current(Guid courseId) =>
        db.Enrolments.Where(e => e.PersonId == Me && e.CourseId == courseId && e.ArchivedAt == null && e.EndedAt == null);

    /// <summary>Published, not retired, for the person's audience; an organisation's own courses only for its people.</summary>
    public IQueryable<Course> OpenToMe()
    {
        var staff = me.IsInRole(Roles.Staff);
        var organisation = me.OrganisationId;
        return db.Courses.Where(c => c.PublishedNumber != null && c.RetiredAt == null
            && (staff ? c.Audience != CourseAudience.PartnerHandlers && c.OrganisationId == null
                : c.Audience != CourseAudience.Staff && (c.OrganisationId == null || c.OrganisationId == organisation)));
    }
}
