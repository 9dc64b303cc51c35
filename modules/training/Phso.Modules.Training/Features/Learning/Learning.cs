using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Learning;

// What a learner does: find a course open to them, enrol, read the lessons (picking up where they left off), take
// the quiz, and finish. Completing issues a certificate and publishes CourseCompleted in the same transaction.

/// <summary>The published courses open to the signed-in person, with where they are on each.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetCatalogue : IQuery<IReadOnlyList<CatalogueEntry>>;

public sealed record CatalogueEntry(Guid CourseId, string Title, string Summary, CourseCategory Category, decimal Hours, bool Recurring, EnrolmentStatus? MyStatus);

/// <summary>The signed-in person's learning: current records (newest first), and how many earlier cycles are archived.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetMyLearning : IQuery<MyLearning>
{
    public const int Shown = 50;
}

/// <summary>Every current record (one per course at most), and the latest <see cref="GetMyLearning.Shown"/> archived
/// records and certificates with how many there are in all: the page never reads a whole history.</summary>
public sealed record MyLearning(
    IReadOnlyList<LearningRow> Current, IReadOnlyList<LearningRow> History, int HistoryTotal, IReadOnlyList<CertificateRow> Certificates, int CertificatesTotal);

public sealed record LearningRow(
    Guid CourseId, string Title, EnrolmentStatus Status, int Progress, DateOnly? DueOn, DateOnly? CompletedOn, DateOnly? ExpiresOn, EnrolmentOrigin Origin, bool Overdue,
    DateTimeOffset? ArchivedAt);

public sealed record CertificateRow(string Code, string CourseTitle, DateOnly IssuedOn, DateOnly? ExpiresOn, CertificateStatus Status);

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

/// <summary>Enrols the signed-in person on a course open to them (nothing happens if they already are).</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record Enrol(Guid CourseId) : ICommand;

/// <summary>Records that the signed-in person has read a lesson (they say so on the lesson's page); it may complete the course.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record ViewLesson(Guid CourseId, string LessonKey) : ICommand;

/// <summary>Marks a quiz attempt; returns its number.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record SubmitQuiz(Guid CourseId, IReadOnlyDictionary<string, Answer> Answers) : ICommand<int>;

/// <summary>One of the signed-in person's quiz attempts on their current record, with the questions as asked.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetAttempt(Guid CourseId, int Number) : IQuery<AttemptResult?>;

public sealed record AttemptResult(
    Guid CourseId, string CourseTitle, int Number, decimal Score, decimal PassMark, decimal? Grade, GradingMethod Grading, bool Passed, EnrolmentStatus Status, int? AttemptsLeft,
    IReadOnlyList<(Question Question, Answer? Answer, decimal Mark)> Questions, string? CertificateCode);

internal sealed class LearningHandlers(TrainingDbContext db, ICurrentUser me, TimeProvider clock)
    : IRequestHandler<GetCatalogue, IReadOnlyList<CatalogueEntry>>, IRequestHandler<GetMyLearning, MyLearning>, IRequestHandler<GetLearnerCourse, LearnerCourse?>,
        IRequestHandler<Enrol, Unit>, IRequestHandler<ViewLesson, Unit>, IRequestHandler<SubmitQuiz, int>, IRequestHandler<GetAttempt, AttemptResult?>
{
    private DateOnly Today => TrainingTime.Today(clock);

    private Guid Me => me.Id ?? throw new NotFoundException("Sign in to learn.");

    public async Task<IReadOnlyList<CatalogueEntry>> Handle(GetCatalogue request, CancellationToken cancellationToken)
    {
        var courses = await OpenToMe().AsNoTracking().Include(c => c.Versions).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        var mine = await db.Enrolments.AsNoTracking().Where(e => e.PersonId == Me && e.ArchivedAt == null && e.EndedAt == null)
            .Select(e => new { e.CourseId, e.Status }).ToListAsync(cancellationToken);
        return [.. courses.Select(c => new CatalogueEntry(c.Id, c.Title, c.Published!.Content.Summary, c.Category, c.Published.Content.Hours, c.Recurrence is not null,
            mine.FirstOrDefault(m => m.CourseId == c.Id)?.Status))];
    }

    public async Task<MyLearning> Handle(GetMyLearning request, CancellationToken cancellationToken)
    {
        var mine = db.Enrolments.AsNoTracking().Where(e => e.PersonId == Me);
        var current = await mine.Where(e => e.EndedAt == null && e.ArchivedAt == null).Include(e => e.Views).Include(e => e.Attempts)
            .OrderByDescending(e => e.EnrolledAt).ToListAsync(cancellationToken);
        var archived = mine.Where(e => e.ArchivedAt != null);
        var history = await archived.OrderByDescending(e => e.ArchivedAt).Take(GetMyLearning.Shown).Include(e => e.Views).ToListAsync(cancellationToken);
        var versionIds = current.Concat(history).Select(r => r.CourseVersionId).Distinct().ToList();
        var versions = await db.CourseVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var today = Today;
        LearningRow Row(Enrolment e)
        {
            var content = versions[e.CourseVersionId].Content;
            return new LearningRow(e.CourseId, content.Title, e.Status, e.Progress(content), e.DueOn, e.CompletedOn, e.ExpiresOn, e.Origin,
                !e.IsFinished && e.DueOn < today, e.ArchivedAt);
        }

        var myCertificates = db.Certificates.AsNoTracking().Where(c => c.PersonId == Me);
        var certificates = await myCertificates.OrderByDescending(c => c.IssuedOn).Take(GetMyLearning.Shown).ToListAsync(cancellationToken);
        return new MyLearning(
            [.. current.Select(Row)],
            [.. history.Select(Row)],
            history.Count < GetMyLearning.Shown ? history.Count : await archived.CountAsync(cancellationToken),
            [.. certificates.Select(c => new CertificateRow(c.Code, c.CourseTitle, c.IssuedOn, c.ExpiresOn, c.StatusOn(today)))],
            certificates.Count < GetMyLearning.Shown ? certificates.Count : await myCertificates.CountAsync(cancellationToken));
    }

    public async Task<LearnerCourse?> Handle(GetLearnerCourse request, CancellationToken cancellationToken)
    {
        var record = await Current(request.CourseId).AsNoTracking().Include(e => e.Views).Include(e => e.Attempts).SingleOrDefaultAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking().Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken);
        if (course is null || (record is null && !await OpenToMe().AnyAsync(c => c.Id == request.CourseId, cancellationToken)))
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

    public async Task<Unit> Handle(Enrol request, CancellationToken cancellationToken)
    {
        if (await Current(request.CourseId).AnyAsync(cancellationToken))
        {
            return Unit.Value;
        }

        var course = await OpenToMe().Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken)
            ?? throw new NotFoundException("There is no such course open to you.");
        db.Enrolments.Add(Enrolment.Start(Me, course, EnrolmentOrigin.SelfEnrolled, null, null, clock.GetUtcNow()));
        return Unit.Value;
    }

    public async Task<Unit> Handle(ViewLesson request, CancellationToken cancellationToken)
    {
        var (record, course, content, previousExpiry) = await LoadAsync(request.CourseId, cancellationToken);
        var wasFinished = record.IsFinished;
        record.ViewLesson(request.LessonKey, content, clock.GetUtcNow(), course.Recurrence, Today, previousExpiry);
        await AfterChangeAsync(record, course, content, wasFinished, cancellationToken);
        return Unit.Value;
    }

    public async Task<int> Handle(SubmitQuiz request, CancellationToken cancellationToken)
    {
        var (record, course, content, previousExpiry) = await LoadAsync(request.CourseId, cancellationToken);
        var wasFinished = record.IsFinished;
        var attempt = record.SubmitAttempt(request.Answers, content, clock.GetUtcNow(), course.Recurrence, Today, previousExpiry);
        await AfterChangeAsync(record, course, content, wasFinished, cancellationToken);
        return attempt.Number;
    }

    public async Task<AttemptResult?> Handle(GetAttempt request, CancellationToken cancellationToken)
    {
        var record = await Current(request.CourseId).AsNoTracking().Include(e => e.Attempts).SingleOrDefaultAsync(cancellationToken);
        if (record?.Attempts.SingleOrDefault(a => a.Number == request.Number) is not { } attempt)
        {
            return null;
        }

        var content = (await db.CourseVersions.AsNoTracking().SingleAsync(v => v.Id == record.CourseVersionId, cancellationToken)).Content;
        var quiz = content.Quiz!;
        var certificate = record.Status == EnrolmentStatus.Completed
            ? await db.Certificates.AsNoTracking().Where(c => c.EnrolmentId == record.Id).Select(c => c.Code).SingleOrDefaultAsync(cancellationToken)
            : null;
        var answers = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Answer>>(attempt.AnswersJson, CourseVersion.Json) ?? [];
        var marks = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, decimal>>(attempt.MarksJson, CourseVersion.Json) ?? [];
        return new AttemptResult(
            request.CourseId, content.Title, attempt.Number, attempt.Score, quiz.PassMark, record.Grade, quiz.Grading, QuizGrading.Passes(attempt.Score, quiz.PassMark), record.Status,
            record.AttemptsLeft(content),
            [.. quiz.AsAsked(record.Id, attempt.Number).Select(q => (q, answers.GetValueOrDefault(q.Key), marks.GetValueOrDefault(q.Key)))], certificate);
    }

    /// <summary>On completion: a certificate (superseding the one of the previous cycle) and the integration event.</summary>
    private async Task AfterChangeAsync(Enrolment record, Course course, CourseContent content, bool wasFinished, CancellationToken cancellationToken)
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

    private async Task<(Enrolment Record, Course Course, CourseContent Content, DateOnly? PreviousExpiry)> LoadAsync(Guid courseId, CancellationToken cancellationToken)
    {
        var record = await Current(courseId).Include(e => e.Views).Include(e => e.Attempts).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolationException("Enrol on the course first.");
        var course = await db.Courses.Include(c => c.Versions).SingleAsync(c => c.Id == courseId, cancellationToken);
        var previousExpiry = await db.Enrolments.Where(e => e.PersonId == record.PersonId && e.CourseId == courseId && e.ArchivedAt != null)
            .OrderByDescending(e => e.ArchivedAt).Select(e => e.ExpiresOn).FirstOrDefaultAsync(cancellationToken);
        return (record, course, course.Versions.Single(v => v.Id == record.CourseVersionId).Content, previousExpiry);
    }

    private IQueryable<Enrolment> Current(Guid courseId) =>
        db.Enrolments.Where(e => e.PersonId == Me && e.CourseId == courseId && e.ArchivedAt == null && e.EndedAt == null);

    /// <summary>Published, not retired, for the person's audience; an organisation's own courses only for its people.</summary>
    private IQueryable<Course> OpenToMe()
    {
        var staff = me.IsInRole(Roles.Staff);
        var organisation = me.OrganisationId;
        return db.Courses.Where(c => c.PublishedNumber != null && c.RetiredAt == null
            && (staff ? c.Audience != CourseAudience.PartnerHandlers && c.OrganisationId == null
                : c.Audience != CourseAudience.Staff && (c.OrganisationId == null || c.OrganisationId == organisation)));
    }
}
