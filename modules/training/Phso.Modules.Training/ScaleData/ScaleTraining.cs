using Bogus;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Training.ScaleData;

/// <summary>
/// Training at scale, about the plan's number of records (a person's yearly cycles are written together): every member of staff on the two yearly courses, with the
/// years before archived (completed, certificated, each certificate superseded by the next), this year's cycle under
/// the all-staff assignment part-way done; partner handlers on complaint handling under their organisation; and the
/// rest electives (24 extra published courses) at every status. Lessons are viewed and quizzes answered through the
/// records' own methods, so grades, completion, expiry and recertification windows are the domain's.
/// </summary>
internal static class ScaleTraining
{
    private static readonly string[] ElectiveTitles =
    [
        "Writing clear decisions", "Equality impact assessments", "Handling unreasonable behaviour", "Reasonable adjustments in casework",
        "Clinical records for caseworkers", "Remedies and financial redress", "Mediation skills", "Data protection in casework",
        "Safeguarding adults", "Safeguarding children", "Mental capacity in complaints", "Trauma-informed practice",
        "Working with interpreters", "Investigating care at the end of life", "Understanding NHS continuing healthcare", "Benefits decisions explained",
        "Immigration casework basics", "Tax and penalties casework", "Writing for the public", "Managing a caseload",
        "Giving and receiving feedback", "Inclusive leadership", "Neurodiversity at work", "Anti-racism in public services",
    ];

    public static async Task<string?> SeedAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TrainingDbContext>();
        if (plan.Enrolments == 0 || await db.HasScaleDataAsync(cancellationToken))
        {
            return null;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var faker = plan.FakerFor(TrainingDbContext.Module);
        var courses = await db.Courses.AsNoTracking().Include(c => c.Versions).Where(c => c.RetiredAt == null).ToListAsync(cancellationToken);
        var yearly = courses.Where(c => c.Key is "edi-essentials" or "handling-complaints-well" && c.Published is not null).ToList();
        var handling = yearly.SingleOrDefault(c => c.Key == "handling-complaints-well");
        var assignments = await db.Assignments.AsNoTracking().ToListAsync(cancellationToken);
        var electives = ElectivesFrom(handling ?? yearly.FirstOrDefault(), now);
        db.Courses.AddRange(electives);
        await db.InsertAddedAsync(cancellationToken);

        var enrolled = (await db.Enrolments.Select(e => e.PersonId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var people = (await services.GetRequiredService<IMediator>().Send(new FindPeople(IncludeInactive: true), cancellationToken))
            .Where(p => !enrolled.Contains(p.Id)).ToList();
        var writer = new RecordWriter(db, faker, now);
        foreach (var person in people.Where(p => p.IsStaff))
        {
            foreach (var course in yearly)
            {
                var assignment = assignments.FirstOrDefault(a => a.CourseId == course.Id && a.Target == AssignmentTarget.AllStaff);
                await writer.YearlyAsync(person, course, assignment, faker.Random.Int(1, 4), cancellationToken);
                if (writer.Written >= plan.Enrolments)
                {
                    break;
                }
            }
        }

        foreach (var person in people.Where(p => !p.IsStaff && handling is not null && writer.Written < plan.Enrolments))
        {
            var assignment = assignments.FirstOrDefault(a => a.CourseId == handling!.Id && a.Target == AssignmentTarget.OrganisationHandlers && a.TargetId == person.OrganisationId);
            await writer.YearlyAsync(person, handling!, assignment, faker.Random.Int(0, 2), cancellationToken);
        }

        // The rest spread evenly over the people still here, each on different electives.
        var learners = people.Where(p => p.IsActive).ToList();
        for (var i = 0; i < learners.Count && writer.Written < plan.Enrolments; i++)
        {
            var each = (int)Math.Ceiling((plan.Enrolments - writer.Written) / (double)(learners.Count - i));
            foreach (var course in faker.PickRandom(electives, Math.Min(each, electives.Count)))
            {
                await writer.ElectiveAsync(learners[i], course, cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return $"{writer.Written:N0} training records ({writer.Archived:N0} archived), {writer.Certificates:N0} certificates, {electives.Count} extra courses";
    }

    /// <summary>Electives: the complaint-handling course's lessons and quiz under other titles (invented, as the rest).</summary>
    private static List<Course> ElectivesFrom(Course? template, DateTimeOffset now)
    {
        if (template?.Published?.Content is not { } content)
        {
            return [];
        }

        return [.. ElectiveTitles.Select((title, i) =>
        {
            var course = Course.Create($"scale-elective-{i + 1}", content with { Title = title, Summary = $"{title}: an elective for caseworkers and handlers." }, null, null, "scale data", "Learning team", now.AddDays(-400));
            course.Publish("Learning team", now.AddDays(-399));
            return course;
        })];
    }

    /// <summary>Writes records about a thousand at a time, with their lesson views, attempts and certificates.</summary>
    private sealed class RecordWriter(TrainingDbContext db, Faker faker, DateTimeOffset now)
    {
        private int _pending;

        public int Written { get; private set; }

        public int Archived { get; private set; }

        public int Certificates { get; private set; }

        /// <summary>The cycles of a yearly course: <paramref name="pastYears"/> completed and archived, then this year's.</summary>
        public async Task YearlyAsync(PersonSummary person, Course course, Assignment? assignment, int pastYears, CancellationToken cancellationToken)
        {
            var content = course.Published!.Content;
            var started = now.AddYears(-pastYears).AddDays(-faker.Random.Int(0, 60));
            var record = Enrolment.Start(person.Id, course, assignment is null ? EnrolmentOrigin.SelfEnrolled : EnrolmentOrigin.Assigned, assignment?.Id, null, started);
            Certificate? previous = null;
            for (var year = pastYears; year > 0; year--)
            {
                previous = Complete(record, person, course, content, started, previous);
                started = now.AddYears(-year + 1).AddDays(-faker.Random.Int(0, 60));
                var next = record.NextCycle(course, started);
                Archived++;
                Add(record);
                record = next;
            }

            if (assignment is not null)
            {
                record.AssignTo(assignment.Id, assignment.DueOn);
            }

            Progress(record, person, course, content, started, previous);
            Add(record);
            await FlushWhenFullAsync(cancellationToken);
        }

        /// <summary>An elective: chosen by the person, or (one in five) assigned to them by their manager with a due date
        /// somewhere in the two months either side of today, so reminders have work to do.</summary>
        public async Task ElectiveAsync(PersonSummary person, Course course, CancellationToken cancellationToken)
        {
            var enrolledAt = now.AddDays(-faker.Random.Int(10, 700));
            Assignment? assignment = null;
            if (person.LineManagerId is not null && faker.Random.Double() < 0.2)
            {
                var today = DateOnly.FromDateTime(now.UtcDateTime);
                enrolledAt = now.AddDays(-faker.Random.Int(30, 120));
                assignment = new Assignment
                {
                    Id = Guid.CreateVersion7(now), CourseId = course.Id, Target = AssignmentTarget.Person, TargetId = person.Id, TargetName = person.DisplayName,
                    DueOn = today.AddDays(faker.Random.Int(-60, 60)), AssignedById = person.LineManagerId, AssignedBy = "Line manager", AssignedAt = enrolledAt,
                };
                db.Assignments.Add(assignment);
            }

            var record = Enrolment.Start(person.Id, course, assignment is null ? EnrolmentOrigin.SelfEnrolled : EnrolmentOrigin.Assigned, assignment?.Id, assignment?.DueOn, enrolledAt);
            Progress(record, person, course, course.Published!.Content, record.EnrolledAt, null);
            Add(record);
            await FlushWhenFullAsync(cancellationToken);
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_pending > 0)
            {
                await db.InsertAddedAsync(cancellationToken);
                _pending = 0;
            }
        }

        /// <summary>Half finish, a third are part-way, the rest have not started; one in ten fails the quiz first.</summary>
        private void Progress(Enrolment record, PersonSummary person, Course course, CourseContent content, DateTimeOffset started, Certificate? previous)
        {
            var roll = faker.Random.Double();
            if (roll < 0.5)
            {
                Complete(record, person, course, content, started, previous);
            }
            else if (roll < 0.83)
            {
                var lessons = content.Lessons.ToList();
                foreach (var lesson in lessons.Take(faker.Random.Int(1, Math.Max(1, lessons.Count - 1))))
                {
                    var at = Before(started.AddDays(faker.Random.Int(0, 20)));
                    record.ViewLesson(lesson.Key, content, at, course.Recurrence, Day(at), previous?.ExpiresOn);
                }
            }
        }

        private Certificate? Complete(Enrolment record, PersonSummary person, Course course, CourseContent content, DateTimeOffset started, Certificate? previous)
        {
            var at = started;
            foreach (var lesson in content.Lessons)
            {
                at = Before(at.AddHours(faker.Random.Int(1, 72)));
                record.ViewLesson(lesson.Key, content, at, course.Recurrence, Day(at), previous?.ExpiresOn);
            }

            if (content.Quiz is { } quiz && !record.IsFinished)
            {
                if (faker.Random.Double() < 0.1 && quiz.MaxAttempts is null or > 1)
                {
                    record.SubmitAttempt(new Dictionary<string, Answer>(), content, at, course.Recurrence, Day(at), previous?.ExpiresOn);
                }

                at = Before(at.AddHours(1));
                record.SubmitAttempt(ModelAnswers.For(quiz), content, at, course.Recurrence, Day(at), previous?.ExpiresOn);
            }

            if (record.Status != EnrolmentStatus.Completed)
            {
                return previous;
            }

            var certificate = Certificate.Issue(record, person.DisplayName, content, record.CompletedOn!.Value);
            previous?.SupersededBy(certificate);
            db.Certificates.Add(certificate);
            Certificates++;
            return certificate;
        }

        private void Add(Enrolment record)
        {
            db.Enrolments.Add(record);
            Written++;
            _pending++;
        }

        /// <summary>Flushes between people only: a person's earlier certificate is superseded by their next one, so
        /// both must be in the same unit of work.</summary>
        private async Task FlushWhenFullAsync(CancellationToken cancellationToken)
        {
            if (_pending >= ScalePlan.BatchSize)
            {
                await FlushAsync(cancellationToken);
            }
        }

        private DateTimeOffset Before(DateTimeOffset at) => at < now ? at : now.AddMinutes(-1);

        private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
    }
}
