using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.Assignments;
using Phso.Modules.Training.Features.Reports;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Training.Pages.Learning;

/// <summary>A report page: the report, and the same figures as CSV.</summary>
public abstract class ReportPage(IMediator mediator) : PhsoPageModel
{
    public PeopleTraining Report { get; private set; } = default!;

    protected IMediator Mediator => mediator;

    protected abstract Task<PeopleTraining?> LoadAsync(CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } report
            ? File(PeopleTrainingCsv.Write(report), "text/csv; charset=utf-8", $"training-{report.Today:yyyy-MM-dd}.csv")
            : NotFound();
}

[Authorize(Policy = TrainingPolicies.Team)]
public sealed class TeamModel(IMediator mediator) : ReportPage(mediator)
{
    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];

    protected override async Task<PeopleTraining?> LoadAsync(CancellationToken cancellationToken)
    {
        Assignments = await Mediator.Send(new ListAssignments(null), cancellationToken);
        return await Mediator.Send(new GetTeamTraining(), cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid assignment, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new RemoveAssignment(assignment), cancellationToken), prefix: ""))
        {
            SuccessMessage = "The assignment has been removed. Unfinished courses it gave are ended; completed ones are kept.";
        }

        return Redirect("/learning/team");
    }
}

[Authorize(Policy = TrainingPolicies.Organisation)]
public sealed class OrganisationModel(IMediator mediator) : ReportPage(mediator)
{
    protected override async Task<PeopleTraining?> LoadAsync(CancellationToken cancellationToken) => await Mediator.Send(new GetOrganisationTraining(), cancellationToken);
}

[Authorize(Policy = TrainingPolicies.Author)]
public sealed class CourseReportModel(IMediator mediator) : ReportPage(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    protected override Task<PeopleTraining?> LoadAsync(CancellationToken cancellationToken) => Mediator.Send(new GetCourseReport(Id), cancellationToken);
}

/// <summary>Assign a course: admins to a person, all staff, all managers or an organisation's handlers; managers to a direct report.</summary>
[Authorize(Policy = TrainingPolicies.Assign)]
public sealed class AssignModel(IMediator mediator, ICurrentUser me) : PhsoPageModel
{
    [BindProperty]
    public AssignForm Input { get; set; } = new();

    public bool IsAdmin => me.IsInRole(Roles.Admin);

    public IReadOnlyList<ChoiceItem> Courses { get; private set; } = [];

    public IReadOnlyList<ChoiceItem> People { get; private set; } = [];

    public IReadOnlyList<ChoiceItem> Organisations { get; private set; } = [];

    public IReadOnlyList<ChoiceItem> Targets => IsAdmin
        ? [new(nameof(AssignmentTarget.Person), "One person"), new(nameof(AssignmentTarget.AllStaff), "All staff"), new(nameof(AssignmentTarget.AllManagers), "All people managers"),
           new(nameof(AssignmentTarget.OrganisationHandlers), "A partner organisation's complaint handlers")]
        : [new(nameof(AssignmentTarget.Person), "One of your direct reports")];

    public async Task OnGetAsync(Guid? course, CancellationToken cancellationToken)
    {
        Input.CourseId ??= course;
        Input.Target ??= IsAdmin ? null : AssignmentTarget.Person;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // Errors in the form's order, so the error summary lists them as the fields come.
        if (Input.CourseId is null)
        {
            AddError("Input.CourseId", "Choose the course");
        }

        DateOnly? due = Input.DueOn.TryRead("Due date", out var dueOn, out var error, DateOnly.MaxValue) ? dueOn : null;
        if (error is not null)
        {
            AddError("Input.DueOn", error);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var enrolled = 0;
        if (!await TryAsync(async () => enrolled = await mediator.Send(new AssignCourse(Input.CourseId!.Value, Input.Target, Input.PersonId, Input.OrganisationId, due), cancellationToken)))
        {
            return Page();
        }

        SuccessMessage = enrolled == 1 ? "The course has been assigned to 1 person." : $"The course has been assigned; {enrolled} people were enrolled.";
        return Redirect(IsAdmin ? $"/training/courses/{Input.CourseId}" : "/learning/team");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Courses = [.. (await mediator.Send(new GetAssignableCourses(), cancellationToken)).Select(c => new ChoiceItem(c.Id.ToString(), c.Title))];
        var people = IsAdmin ? await mediator.Send(new FindPeople(), cancellationToken) : me.Id is { } id ? await mediator.Send(new GetDirectReports(id), cancellationToken) : [];
        People = [.. people.Select(p => new ChoiceItem(p.Id.ToString(), p.DisplayName))];
        Organisations = IsAdmin
            ? [.. (await mediator.Send(new ListOrganisations(), cancellationToken)).Select(o => new ChoiceItem(o.Id.ToString(), o.Name))]
            : [];
    }

    public sealed class AssignForm
    {
        public Guid? CourseId { get; set; }

        public AssignmentTarget? Target { get; set; }

        public Guid? PersonId { get; set; }

        public Guid? OrganisationId { get; set; }

        public DateParts DueOn { get; set; } = new();
    }
}
