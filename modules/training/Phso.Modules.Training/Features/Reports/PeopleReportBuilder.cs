using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Reports;

/// <summary>Builds a people report (one row per person and course) from the current records.</summary>
internal sealed class PeopleReportBuilder(TrainingDbContext db, TimeProvider clock)
{
    public IQueryable<Enrolment> Current() => db.Enrolments.AsNoTracking().Where(e => e.ArchivedAt == null && e.EndedAt == null);

    public async Task<PeopleTraining> ReportAsync(string title, IReadOnlyList<PersonSummary> people, Guid? courseId, CancellationToken cancellationToken)
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
