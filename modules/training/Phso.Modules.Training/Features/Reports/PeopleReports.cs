using System.Globalization;
using CsvHelper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Reports;

/// <summary>The signed-in manager's direct reports' training.</summary>
[RequiresPolicy(TrainingPolicies.Team)]
public sealed record GetTeamTraining : IQuery<PeopleTraining>;

/// <summary>The signed-in partner lead's own organisation's people's training; never another organisation's.</summary>
[RequiresPolicy(TrainingPolicies.Organisation)]
public sealed record GetOrganisationTraining : IQuery<PeopleTraining>;

/// <summary>Everyone on one course, for admins.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record GetCourseReport(Guid CourseId) : IQuery<PeopleTraining?>;

/// <summary>A report: one row per person and course (current records only), and totals worked out from those rows,
/// so the CSV and the screen add up the same way.</summary>
public sealed record PeopleTraining(string Title, DateOnly Today, IReadOnlyList<PersonRecord> Records, IReadOnlyList<string> PeopleWithNothing)
{
    public int Assigned => Records.Count(r => r.Assigned);

    public int Completed => Records.Count(r => r.Status == EnrolmentStatus.Completed);

    public int InProgress => Records.Count(r => r.Status is EnrolmentStatus.NotStarted or EnrolmentStatus.InProgress);

    public int Overdue => Records.Count(r => r.Overdue);

    public int DueWithin30 => Records.Count(r => r.DueWithin(30));

    public int ExpiringWithin(int days) => Records.Count(r => r.ExpiringWithin(days));
}

public sealed record PersonRecord(
    Guid PersonId, string PersonName, string CourseTitle, EnrolmentStatus Status, bool Assigned, DateOnly? DueOn, DateOnly? CompletedOn, DateOnly? ExpiresOn, DateOnly Today)
{
    public bool Finished => Status is EnrolmentStatus.Completed or EnrolmentStatus.CompletedFailed;

    public bool Overdue => !Finished && DueOn < Today;

    public bool DueWithin(int days) => !Finished && DueOn >= Today && DueOn <= Today.AddDays(days);

    public bool ExpiringWithin(int days) => Status == EnrolmentStatus.Completed && ExpiresOn >= Today && ExpiresOn <= Today.AddDays(days);
}

internal sealed class PeopleReportHandlers(TrainingDbContext db, IMediator mediator, ICurrentUser me, TimeProvider clock)
    : IRequestHandler<GetTeamTraining, PeopleTraining>, IRequestHandler<GetOrganisationTraining, PeopleTraining>, IRequestHandler<GetCourseReport, PeopleTraining?>
{
    public async Task<PeopleTraining> Handle(GetTeamTraining request, CancellationToken cancellationToken)
    {
        var people = me.Id is { } id ? await mediator.Send(new GetDirectReports(id), cancellationToken) : [];
        return await ReportAsync("Your team's training", people, null, cancellationToken);
    }

    public async Task<PeopleTraining> Handle(GetOrganisationTraining request, CancellationToken cancellationToken)
    {
        // A lead without an organisation sees nobody, rather than everybody.
        var people = me.OrganisationId is { } organisation ? await mediator.Send(new FindPeople(OrganisationId: organisation), cancellationToken) : [];
        return await ReportAsync("Your organisation's training", people, null, cancellationToken);
    }

    public async Task<PeopleTraining?> Handle(GetCourseReport request, CancellationToken cancellationToken)
    {
        if (await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken) is not { } course)
        {
            return null;
        }

        var ids = await Current().Where(e => e.CourseId == course.Id).Select(e => e.PersonId).Distinct().ToListAsync(cancellationToken);
        var people = await mediator.Send(new GetPeople(ids), cancellationToken);
        return await ReportAsync(course.Title, people, course.Id, cancellationToken);
    }

    private IQueryable<Enrolment> Current() => db.Enrolments.AsNoTracking().Where(e => e.ArchivedAt == null && e.EndedAt == null);

    private async Task<PeopleTraining> ReportAsync(string title, IReadOnlyList<PersonSummary> people, Guid? courseId, CancellationToken cancellationToken)
    {
        var today = TrainingTime.Today(clock);
        var ids = people.Select(p => p.Id).ToList();
        var records = await Current().Where(e => ids.Contains(e.PersonId) && (courseId == null || e.CourseId == courseId))
            .Join(db.Courses.AsNoTracking().Where(c => c.RetiredAt == null), e => e.CourseId, c => c.Id,
                (e, c) => new { e.PersonId, c.Title, e.Status, e.AssignmentId, e.DueOn, e.CompletedOn, e.ExpiresOn })
            .ToListAsync(cancellationToken);
        var names = people.ToDictionary(p => p.Id, p => p.DisplayName);
        var rows = records.Select(r => new PersonRecord(r.PersonId, names[r.PersonId], r.Title, r.Status, r.AssignmentId is not null, r.DueOn, r.CompletedOn, r.ExpiresOn, today))
            .OrderBy(r => r.PersonName, StringComparer.Ordinal).ThenBy(r => r.CourseTitle, StringComparer.Ordinal).ToList();
        var nothing = people.Where(p => rows.All(r => r.PersonId != p.Id)).Select(p => p.DisplayName).Order(StringComparer.Ordinal).ToList();
        return new PeopleTraining(title, today, rows, nothing);
    }
}

/// <summary>A report as CSV: the rows shown on screen, then the totals the screen shows, computed from the same rows.</summary>
internal static class PeopleTrainingCsv
{
    public static byte[] Write(PeopleTraining report)
    {
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, options, true))
        {
            Row(csv, "Person", "Course", "Status", "Assigned", "Due", "Completed", "Expires", "Overdue");
            foreach (var r in report.Records)
            {
                Row(csv, r.PersonName, r.CourseTitle, Pages.Learning.Describe.Status(r.Status).Text, r.Assigned ? "Yes" : "No", Day(r.DueOn), Day(r.CompletedOn), Day(r.ExpiresOn),
                    r.Overdue ? "Yes" : "No");
            }

            foreach (var person in report.PeopleWithNothing)
            {
                Row(csv, person, "", "No courses", "", "", "", "", "");
            }

            Row(csv, "Total", $"{report.Records.Count} records", $"{report.Completed} completed", $"{report.Assigned} assigned", $"{report.DueWithin30} due within 30 days",
                "", $"{report.ExpiringWithin(90)} expiring within 90 days", $"{report.Overdue} overdue");
        }

        return bytes.ToArray();
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static void Row(CsvWriter csv, params string[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.EndRecord();
    }
}
