using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.SharedKernel.Messaging;

namespace Phso.Modular.Tests.Training;

/// <summary>Course versions and a learner's record on a course: progress, completion, failing, and recurring cycles.</summary>
public sealed class CourseRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 14, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 8, 14);

    private static Question Single(string key) => new(key, QuestionType.SingleChoice, "Which is right?", [new("a", "Right", true), new("b", "Wrong", false)], [], [], "Because.");

    private static CourseContent Content(CompletionCriteria criteria, int? maxAttempts = 2, string title = "EDI essentials") => new(
        title, "What equality law asks of us.", CourseAudience.Staff, CourseCategory.EqualityDiversityInclusion, 1.5m,
        [new Section("Basics", [new Lesson("law", "The law", "The Equality Act 2010..."), new Lesson("duty", "The duty", "The public sector equality duty...")])],
        new Quiz([Single("q1"), Single("q2")], 50, maxAttempts, GradingMethod.Highest, false),
        criteria);

    private static readonly CompletionCriteria Both = new([CompletionRule.AllLessonsViewed, CompletionRule.QuizPassed], RequireAll: true);

    private static Course Published(CourseContent content, RecertificationRules? recurrence = null)
    {
        var course = Course.Create("edi", content, recurrence, null, null, "Author", Now);
        course.Publish("Publisher", Now);
        return course;
    }

    private static Dictionary<string, Answer> Answers(params string[] choices) =>
        choices.Select((c, i) => (Key: $"q{i + 1}", Answer: Answer.Choose(c))).ToDictionary(x => x.Key, x => x.Answer);

    [Fact]
    public void Editing_a_published_course_makes_a_draft_and_learners_keep_the_version_they_started()
    {
        var course = Published(Content(Both));
        var learner = Enrolment.Start(Guid.NewGuid(), course, EnrolmentOrigin.SelfEnrolled, null, null, Now);

        course.SaveDraft(Content(Both, title: "EDI essentials (2027)"), "Author", Now);
        Assert.Equal(1, course.PublishedNumber);
        Assert.Equal(2, course.Draft!.Number);
        Assert.Equal("EDI essentials", course.Published!.Content.Title);

        course.Publish("Publisher", Now);
        Assert.Equal(VersionStatus.Superseded, course.Versions.Single(v => v.Number == 1).Status);
        Assert.Equal(1, learner.CourseVersionNumber);
        Assert.Equal(2, Enrolment.Start(Guid.NewGuid(), course, EnrolmentOrigin.SelfEnrolled, null, null, Now).CourseVersionNumber);
    }

    [Fact]
    public void A_draft_with_problems_cannot_be_published_and_says_what_to_fix()
    {
        var course = Course.Create("edi", Content(Both) with { Title = " ", Sections = [] }, null, null, null, "Author", Now);
        var refused = Assert.Throws<RuleViolationException>(() => course.Publish("Publisher", Now));
        Assert.Contains("Enter the course title", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Add at least one lesson", refused.Message, StringComparison.Ordinal);
        Assert.Null(course.PublishedNumber);
        Assert.Throws<RuleViolationException>(() => Enrolment.Start(Guid.NewGuid(), course, EnrolmentOrigin.SelfEnrolled, null, null, Now));
    }

    [Fact]
    public void Progress_grows_with_each_lesson_and_the_quiz_and_the_learner_resumes_at_the_first_lesson_not_yet_viewed()
    {
        var course = Published(Content(Both));
        var content = course.Published!.Content;
        var record = Enrolment.Start(Guid.NewGuid(), course, EnrolmentOrigin.SelfEnrolled, null, null, Now);
        Assert.Equal(0, record.Progress(content));
        Assert.Equal("law", record.NextUnreadLesson(content)!.Key);

        record.ViewLesson("law", content, Now, null, Today, null);
        Assert.Equal(EnrolmentStatus.InProgress, record.Status);
        Assert.Equal(33, record.Progress(content));
        Assert.Equal("duty", record.NextUnreadLesson(content)!.Key);
        Assert.False(record.QuizWaiting(content) && record.NextUnreadLesson(content) is null);

        record.ViewLesson("duty", content, Now, null, Today, null);
        Assert.Equal(EnrolmentStatus.InProgress, record.Status);
        Assert.Null(record.NextUnreadLesson(content));
        Assert.True(record.QuizWaiting(content)); // every lesson read: "Continue" goes to the quiz
        record.SubmitAttempt(Answers("a", "b"), content, Now, null, Today, null);
        Assert.Equal(EnrolmentStatus.Completed, record.Status);
        Assert.Equal(100, record.Progress(content));
        Assert.Equal(Today, record.CompletedOn);
    }

    [Fact]
    public void Failing_every_attempt_is_completed_but_failed_when_the_quiz_is_needed_and_no_further_attempt_is_allowed()
    {
        var course = Published(Content(Both));
        var content = course.Published!.Content;
        var record = Enrolment.Start(Guid.NewGuid(), course, EnrolmentOrigin.SelfEnrolled, null, null, Now);
        record.ViewLesson("law", content, Now, null, Today, null);
        record.SubmitAttempt(Answers("b", "b"), content, Now, null, Today, null);
        Assert.Equal(1, record.AttemptsLeft(content));
        record.SubmitAttempt(Answers("b", "b"), content, Now, null, Today, null);

        Assert.Equal(EnrolmentStatus.CompletedFailed, record.Status);
        Assert.Equal(0, record.Grade);
        var refused = Assert.Throws<RuleViolationException>(() => record.SubmitAttempt(Answers("a", "a"), content, Now, null, Today, null));
        Assert.Contains("finished", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_any_a_failed_quiz_still_leaves_the_lessons_to_complete_the_course()
    {
        var course = Published(Content(new CompletionCriteria([CompletionRule.AllLessonsViewed, CompletionRule.QuizPassed], RequireAll: false), maxAttempts: 1));
        var content = course.Published!.Content;
        var record = Enrolment.Start(Guid.NewGuid(), course, EnrolmentOrigin.SelfEnrolled, null, null, Now);
        record.SubmitAttempt(Answers("b", "b"), content, Now, null, Today, null);
        Assert.Equal(EnrolmentStatus.InProgress, record.Status);
        Assert.Throws<RuleViolationException>(() => record.SubmitAttempt(Answers("a", "a"), content, Now, null, Today, null));

        record.ViewLesson("law", content, Now, null, Today, null);
        record.ViewLesson("duty", content, Now, null, Today, null);
        Assert.Equal(EnrolmentStatus.Completed, record.Status);
    }

    [Fact]
    public void Completing_recurring_training_sets_the_expiry_and_window_and_an_archived_record_can_no_longer_change()
    {
        var rules = new RecertificationRules(ExpiryMode.FixedDate, 12, 2, new DateOnly(2025, 12, 1), 6);
        var course = Published(Content(new CompletionCriteria([CompletionRule.AllLessonsViewed], true)), rules);
        var content = course.Published!.Content;
        var record = Enrolment.Start(Guid.NewGuid(), course, EnrolmentOrigin.Assigned, Guid.NewGuid(), new DateOnly(2026, 12, 1), Now);
        record.ViewLesson("law", content, Now, rules, Today, null);
        record.ViewLesson("duty", content, Now, rules, Today, null);

        Assert.Equal(new DateOnly(2027, 12, 1), record.ExpiresOn);
        Assert.Equal(new DateOnly(2027, 10, 1), record.WindowOpensOn);

        record.Archive(Now.AddYears(1));
        Assert.False(record.IsCurrent);
        Assert.Equal(EnrolmentStatus.Completed, record.Status);
        Assert.Throws<RuleViolationException>(() => record.ViewLesson("law", content, Now, rules, Today, null));
    }
}

/// <summary>What the verify page says of a certificate, day by day.</summary>
public sealed class CertificateStatusTests
{
    private static Certificate Issued(DateOnly? expires)
    {
        var rules = expires is null ? null : new RecertificationRules(ExpiryMode.FromCompletion, 12, 2);
        var course = Course.Create("c", new CourseContent("Course", "", Phso.Modules.Training.Contracts.CourseAudience.Staff, Phso.Modules.Training.Contracts.CourseCategory.Other, 1,
            [new Section("S", [new Lesson("l", "L", "Text")])], null, new CompletionCriteria([CompletionRule.AllLessonsViewed], true)), rules, null, null, "A", DateTimeOffset.UnixEpoch);
        course.Publish("A", DateTimeOffset.UnixEpoch);
        var record = Enrolment.Start(Guid.NewGuid(), course, EnrolmentOrigin.SelfEnrolled, null, null, DateTimeOffset.UnixEpoch);
        record.ViewLesson("l", course.Published!.Content, DateTimeOffset.UnixEpoch, rules, new DateOnly(2026, 1, 10), null);
        return Certificate.Issue(record, "Ana", course.Published.Content, new DateOnly(2026, 1, 10));
    }

    [Fact]
    public void A_certificate_is_valid_then_expiring_within_30_days_then_expired()
    {
        var certificate = Issued(new DateOnly(2027, 1, 10));
        Assert.Equal(new DateOnly(2027, 1, 10), certificate.ExpiresOn);
        Assert.Equal(CertificateStatus.Valid, certificate.StatusOn(new DateOnly(2026, 12, 10)));
        Assert.Equal(CertificateStatus.Expiring, certificate.StatusOn(new DateOnly(2026, 12, 11)));
        Assert.Equal(CertificateStatus.Expiring, certificate.StatusOn(new DateOnly(2027, 1, 10)));
        Assert.Equal(CertificateStatus.Expired, certificate.StatusOn(new DateOnly(2027, 1, 11)));
        Assert.Equal(CertificateStatus.Valid, Issued(null).StatusOn(new DateOnly(2040, 1, 1)));
    }

    [Fact]
    public void Revoked_and_superseded_say_so_whatever_the_date_and_a_revocation_needs_a_reason()
    {
        var certificate = Issued(new DateOnly(2027, 1, 10));
        certificate.SupersededBy(Issued(new DateOnly(2028, 1, 10)));
        Assert.Equal(CertificateStatus.Superseded, certificate.StatusOn(new DateOnly(2026, 6, 1)));
        Assert.Throws<Phso.SharedKernel.Messaging.RuleViolationException>(() => certificate.Revoke(" ", "Admin", DateTimeOffset.UnixEpoch));
        certificate.Revoke("Issued in error", "Admin", DateTimeOffset.UnixEpoch);
        Assert.Equal(CertificateStatus.Revoked, certificate.StatusOn(new DateOnly(2026, 6, 1)));
        Assert.Throws<Phso.SharedKernel.Messaging.RuleViolationException>(() => certificate.Revoke("Again", "Admin", DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("k7qm2xwdhp9t", "K7QM-2XWD-HP9T")]
    [InlineData(" K7QM 2XWD HP9T ", "K7QM-2XWD-HP9T")]
    public void A_code_is_read_in_any_case_with_or_without_separators(string typed, string code) => Assert.Equal(code, Certificate.Normalise(typed));

    [Fact]
    public void Codes_use_only_unambiguous_characters()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => Certificate.NewCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
