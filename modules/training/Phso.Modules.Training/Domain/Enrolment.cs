using System.Text.Json;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Training.Domain;

public enum EnrolmentOrigin
{
    SelfEnrolled,
    Assigned,
}

public enum EnrolmentStatus
{
    NotStarted,
    InProgress,
    Completed,

    /// <summary>Every quiz attempt was used without a pass, and the course cannot be completed without one.</summary>
    CompletedFailed,
}

/// <summary>
/// One person's record on one course, on the version they started. For recurring training each cycle is its own
/// record: when the recertification window opens the completed record is archived (kept, never deleted) and a new one
/// starts.
/// </summary>
public sealed class Enrolment : IVersioned
{
    private readonly List<LessonView> _views = [];
    private readonly List<QuizAttempt> _attempts = [];

    private Enrolment()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid CourseId { get; private set; }

    public Guid CourseVersionId { get; private set; }

    public int CourseVersionNumber { get; private set; }

    public EnrolmentOrigin Origin { get; private set; }

    public Guid? AssignmentId { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    public DateOnly? WindowOpensOn { get; private set; }

    public string? LastLessonKey { get; private set; }

    public decimal? Grade { get; private set; }

    /// <summary>When this cycle's record was archived because the next cycle began.</summary>
    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>When the person was unassigned or left: the record stays for history but is no longer current.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedReason { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<LessonView> Views => _views;

    public IReadOnlyList<QuizAttempt> Attempts => _attempts;

    public bool IsCurrent => ArchivedAt is null && EndedAt is null;

    public bool IsFinished => Status is EnrolmentStatus.Completed or EnrolmentStatus.CompletedFailed;

    public static Enrolment Start(Guid personId, Course course, EnrolmentOrigin origin, Guid? assignmentId, DateOnly? dueOn, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(course);
        var version = course.Published ?? throw new RuleViolationException("This course has not been published yet.");
        if (course.IsRetired)
        {
            throw new RuleViolationException("This course has been retired.");
        }

        return new Enrolment
        {
            Id = Guid.CreateVersion7(), PersonId = personId, CourseId = course.Id, CourseVersionId = version.Id, CourseVersionNumber = version.Number,
            Origin = origin, AssignmentId = assignmentId, DueOn = dueOn, Status = EnrolmentStatus.NotStarted, EnrolledAt = at,
        };
    }

    /// <summary>Percentage of the course done: lessons viewed, plus the quiz as one more step when it counts.</summary>
    public int Progress(CourseContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Status == EnrolmentStatus.Completed)
        {
            return 100;
        }

        var lessons = content.Lessons.Select(l => l.Key).ToList();
        var viewed = lessons.Count(k => _views.Any(v => v.LessonKey == k));
        var steps = lessons.Count + (content.Quiz is null ? 0 : 1);
        var done = viewed + (content.Quiz is not null && QuizGrading.Passes(Grade, content.Quiz.PassMark) ? 1 : 0);
        return steps == 0 ? 0 : (int)Math.Floor(100.0 * done / steps);
    }

    /// <summary>The first lesson not yet read, in the course's order; null once every lesson has been read.</summary>
    public Lesson? NextUnreadLesson(CourseContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Lessons.FirstOrDefault(l => _views.All(v => v.LessonKey != l.Key));
    }

    /// <summary>Whether the quiz is still to pass and can be taken: the next step once the lessons are read.</summary>
    public bool QuizWaiting(CourseContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return !IsFinished && content.Quiz is { } quiz && !QuizGrading.Passes(Grade, quiz.PassMark) && AttemptsLeft(content) is not 0;
    }

    public void ViewLesson(string lessonKey, CourseContent content, DateTimeOffset at, RecertificationRules? recurrence, DateOnly today, DateOnly? previousExpiry)
    {
        ArgumentNullException.ThrowIfNull(content);
        RequireCurrent();
        if (content.Lessons.All(l => l.Key != lessonKey))
        {
            throw new RuleViolationException("There is no such lesson in this course.");
        }

        StartedAt ??= at;
        LastLessonKey = lessonKey;
        if (_views.All(v => v.LessonKey != lessonKey))
        {
            _views.Add(new LessonView { Id = Guid.CreateVersion7(), EnrolmentId = Id, LessonKey = lessonKey, ViewedAt = at });
        }

        if (Status == EnrolmentStatus.NotStarted)
        {
            Status = EnrolmentStatus.InProgress;
        }

        Evaluate(content, recurrence, today, previousExpiry);
    }

    /// <summary>Marks and records an attempt; refused when no attempts are left or the course is already finished.</summary>
    public QuizAttempt SubmitAttempt(IReadOnlyDictionary<string, Answer> answers, CourseContent content, DateTimeOffset at, RecertificationRules? recurrence, DateOnly today,
        DateOnly? previousExpiry)
    {
        ArgumentNullException.ThrowIfNull(content);
        RequireCurrent();
        var quiz = content.Quiz ?? throw new RuleViolationException("This course has no quiz.");
        if (IsFinished)
        {
            throw new RuleViolationException("You have finished this course; the quiz cannot be taken again.");
        }

        if (quiz.MaxAttempts is { } max && _attempts.Count >= max)
        {
            throw new RuleViolationException($"You have used all {max} attempts at this quiz.");
        }

        var (score, marks) = quiz.Mark(answers);
        var attempt = new QuizAttempt
        {
            Id = Guid.CreateVersion7(), EnrolmentId = Id, Number = _attempts.Count + 1, SubmittedAt = at, Score = score,
            AnswersJson = JsonSerializer.Serialize(answers, CourseVersion.Json), MarksJson = JsonSerializer.Serialize(marks, CourseVersion.Json),
        };
        _attempts.Add(attempt);
        StartedAt ??= at;
        if (Status == EnrolmentStatus.NotStarted)
        {
            Status = EnrolmentStatus.InProgress;
        }

        Grade = QuizGrading.Grade([.. _attempts.OrderBy(a => a.Number).Select(a => a.Score)], quiz.Grading);
        Evaluate(content, recurrence, today, previousExpiry);
        return attempt;
    }

    public int? AttemptsLeft(CourseContent content) => content?.Quiz?.MaxAttempts is { } max ? Math.Max(0, max - _attempts.Count) : null;

    /// <summary>Brings an unfinished record under an assignment, keeping the sooner due date.</summary>
    public void AssignTo(Guid assignmentId, DateOnly dueOn)
    {
        AssignmentId ??= assignmentId;
        Origin = EnrolmentOrigin.Assigned;
        DueOn = DueOn is { } current && current <= dueOn ? current : dueOn;
    }

    /// <summary>Starts the next cycle of recurring training for the person, due when this record expires.</summary>
    public Enrolment NextCycle(Course course, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(course);
        var next = Start(PersonId, course, Origin, AssignmentId, ExpiresOn, at);
        Archive(at);
        return next;
    }

    /// <summary>Archives this cycle's completed record when the recertification window opens.</summary>
    public void Archive(DateTimeOffset at)
    {
        if (ArchivedAt is not null)
        {
            return;
        }

        ArchivedAt = at;
    }

    /// <summary>Ends the record (unassigned, or the person left); completed records keep counting as history.</summary>
    public void End(string reason, DateTimeOffset at)
    {
        if (EndedAt is not null)
        {
            return;
        }

        EndedAt = at;
        EndedReason = reason;
    }

    private void Evaluate(CourseContent content, RecertificationRules? recurrence, DateOnly today, DateOnly? previousExpiry)
    {
        if (IsFinished)
        {
            return;
        }

        var allViewed = content.Lessons.All(l => _views.Any(v => v.LessonKey == l.Key));
        var passed = content.Quiz is { } quiz && QuizGrading.Passes(Grade, quiz.PassMark);
        if (content.Completion.IsMet(allViewed, passed))
        {
            Status = EnrolmentStatus.Completed;
            CompletedOn = today;
            if (recurrence is not null)
            {
                ExpiresOn = recurrence.ExpiryAfter(today, previousExpiry);
                WindowOpensOn = recurrence.WindowOpensOn(ExpiresOn.Value);
            }
        }
        else if (content.Quiz is { MaxAttempts: { } max } && _attempts.Count >= max && !passed && !content.Completion.IsMet(true, false))
        {
            Status = EnrolmentStatus.CompletedFailed;
            CompletedOn = today;
        }
    }

    private void RequireCurrent()
    {
        if (ArchivedAt is not null)
        {
            throw new RuleViolationException("This record has been archived; a newer one is current.");
        }

        if (EndedAt is not null)
        {
            throw new RuleViolationException("You are no longer enrolled on this course.");
        }
    }
}

public sealed class LessonView
{
    public Guid Id { get; set; }

    public Guid EnrolmentId { get; set; }

    public string LessonKey { get; set; } = "";

    public DateTimeOffset ViewedAt { get; set; }
}

public sealed class QuizAttempt
{
    public Guid Id { get; set; }

    public Guid EnrolmentId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public decimal Score { get; set; }

    public string AnswersJson { get; set; } = "{}";

    public string MarksJson { get; set; } = "{}";
}
