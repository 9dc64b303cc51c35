using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Training.Features.Assignments;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.Modules.Training.Persistence;

namespace Phso.Modules.Training.DemoData;

/// <summary>Demo training: the courses shipped as packages (read by the same code as an upload), published; and
/// Alex, the demo learner, part-way through the EDI course.</summary>
public static class DemoTraining
{
    internal static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TrainingDbContext>();
        if (await db.Courses.AnyAsync(cancellationToken))
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var courses = new List<Course>();
        foreach (var (_, files) in CoursePackage.DemoPackages())
        {
            var package = CoursePackage.Read(files);
            foreach (var image in package.Images.Where(i => !db.Images.Local.Any(kept => kept.Sha256 == i.Sha256)))
            {
                db.Images.Add(StoredImage.Create(image.Sha256, image.ContentType, image.Bytes, now.AddDays(-60)));
            }

            var course = Course.Create(package.Key, package.Content, package.Recurrence, null, "demo", "Priya Shah", now.AddDays(-60));
            course.Publish("Priya Shah", now.AddDays(-59));
            courses.Add(course);
            db.Courses.Add(course);
        }

        await db.SaveChangesAsync(cancellationToken);
        var mediator = services.GetRequiredService<IMediator>();
        var people = await mediator.Send(new FindPeople(), cancellationToken);
        if (people.SingleOrDefault(p => p.Email == "staff@ombudsman.example") is { } alex && courses.SingleOrDefault(c => c.Key == "edi-essentials") is { } edi)
        {
            var record = Enrolment.Start(alex.Id, edi, EnrolmentOrigin.SelfEnrolled, null, null, now.AddDays(-3));
            var content = edi.Published!.Content;
            foreach (var lesson in content.Lessons.Take(2))
            {
                record.ViewLesson(lesson.Key, content, now.AddDays(-3), edi.Recurrence, TrainingTime.Today(clock), null);
            }

            db.Enrolments.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        // The yearly courses assigned as a real organisation would: EDI and complaint handling to all staff by the end
        // of March, and complaint handling to Coldharbour's handlers within two months.
        var today = TrainingTime.Today(clock);
        var endOfMarch = new DateOnly(today.Month > 3 ? today.Year + 1 : today.Year, 3, 31);
        if (courses.SingleOrDefault(c => c.Key == "edi-essentials") is { } yearlyEdi)
        {
            await mediator.Send(new AssignCourse(yearlyEdi.Id, AssignmentTarget.AllStaff, null, null, endOfMarch), cancellationToken);
        }

        var coldharbour = (await mediator.Send(new FindOrganisations("Coldharbour"), cancellationToken)).Items is [var first, ..] ? first : null;
        if (courses.SingleOrDefault(c => c.Key == "handling-complaints-well") is { } handling)
        {
            await mediator.Send(new AssignCourse(handling.Id, AssignmentTarget.AllStaff, null, null, endOfMarch), cancellationToken);
            if (coldharbour is not null)
            {
                await mediator.Send(new AssignCourse(handling.Id, AssignmentTarget.OrganisationHandlers, null, coldharbour.Id, today.AddDays(60)), cancellationToken);
                await CompleteAsync(db, handling, people.SingleOrDefault(p => p.Email == "partnerhandler@coldharbour.example"), now.AddDays(-2), clock, cancellationToken);
            }
        }

        // Next year's EDI course is being written: a draft beside the published version, which learners keep using.
        if (courses.SingleOrDefault(c => c.Key == "edi-essentials") is { } revised)
        {
            var current = revised.Published!.Content;
            revised.SaveDraft(current with { Summary = current.Summary + " Revised for next year." }, "Priya Shah", now.AddDays(-1));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>One of Coldharbour's handlers has already done the course: every lesson read, the quiz passed.</summary>
    private static async Task CompleteAsync(TrainingDbContext db, Course course, PersonSummary? person, DateTimeOffset at, TimeProvider clock, CancellationToken cancellationToken)
    {
        var record = person is null ? null : await db.Enrolments.SingleOrDefaultAsync(e => e.PersonId == person.Id && e.CourseId == course.Id && e.EndedAt == null && e.ArchivedAt == null, cancellationToken);
        if (record is null)
        {
            return;
        }

        var content = course.Published!.Content;
        var today = TrainingTime.Today(clock);
        foreach (var lesson in content.Lessons)
        {
            record.ViewLesson(lesson.Key, content, at, course.Recurrence, today, null);
        }

        if (content.Quiz is { } quiz && !record.IsFinished)
        {
            record.SubmitAttempt(ScaleData.ModelAnswers.For(quiz), content, at.AddMinutes(20), course.Recurrence, today, null);
        }

        if (record.Status == EnrolmentStatus.Completed)
        {
            db.Certificates.Add(Certificate.Issue(record, person!.DisplayName, content, record.CompletedOn!.Value));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
