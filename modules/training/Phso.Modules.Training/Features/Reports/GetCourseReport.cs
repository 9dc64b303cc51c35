using CsvHelper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Reports;

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

internal sealed class GetCourseReportHandler(TrainingDbContext db, IMediator mediator, PeopleReportBuilder reports) : IRequestHandler<GetCourseReport, PeopleTraining?>
{
    public async Task<PeopleTraining?> Handle(GetCourseReport request, CancellationToken cancellationToken)
    {
        if (await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken) is not { } course)
        {
            return null;
        }

        var ids = await reports.Current().Where(e => e.CourseId == course.Id).Select(e => e.PersonId).Distinct().ToListAsync(cancellationToken);
        var people = await mediator.Send(new GetPeople(ids), cancellationToken);
        return await reports.ReportAsync(course.Title, people, course.Id, cancellationToken);
    }
}
