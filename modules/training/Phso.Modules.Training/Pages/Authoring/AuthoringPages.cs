using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phso.Modules.Training.Features.Authoring;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Training.Pages.Authoring;

[Authorize(Policy = TrainingPolicies.Author)]
public sealed class CoursesModel(IMediator mediator) : PhsoPageModel
{
    public IReadOnlyList<CourseSummary> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Courses = await mediator.Send(new ListCourses(), cancellationToken);
}

/// <summary>Upload a course package (zip). Every problem is listed with its file and line; nothing changes until it is right.</summary>
[Authorize(Policy = TrainingPolicies.Author)]
[RequestSizeLimit(CoursePackage.MaxFileBytes * 10)]
public sealed class ImportModel(IMediator mediator) : PhsoPageModel
{
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(IFormFile? package, CancellationToken cancellationToken)
    {
        if (package is null || package.Length == 0)
        {
            ModelState.AddModelError("Package", "Select a course package (a .zip file)");
            return Page();
        }

        IReadOnlyDictionary<string, byte[]> files;
        try
        {
            await using var stream = package.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            files = CoursePackage.FilesOfZip(copy);
        }
        catch (PackageException e)
        {
            return Refused([.. e.Problems.Select(p => p.ToString())]);
        }

        ImportedCourseResult? result = null;
        if (!await TryAsync(async () => result = await mediator.Send(new ImportCoursePackage(files), cancellationToken), prefix: ""))
        {
            // Every problem is listed below the upload; the summary and the field say how many there are.
            var problems = ModelState.TryGetValue("Package", out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
            ModelState.Remove("Package");
            return problems.Count > 0 ? Refused(problems) : Page();
        }

        SuccessMessage = result!.IsNewCourse
            ? $"{result.Title} has been imported as a draft. Check it, then publish it."
            : $"{result.Title}: the package is now draft version {result.DraftNumber}. Publish it when it is ready; learners part-way through keep the version they started.";
        return Redirect($"/training/courses/{result.CourseId}");
    }

    private PageResult Refused(List<string> problems)
    {
        Problems = problems;
        ModelState.AddModelError("Package", problems.Count == 1 ? "The package has a problem: see below" : $"The package has {problems.Count} problems: see below");
        return Page();
    }
}

[Authorize(Policy = TrainingPolicies.Author)]
public sealed class CourseModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CourseForAuthor Course { get; private set; } = default!;

    public IReadOnlyList<Features.Assignments.AssignmentRow> Assignments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new PublishCourse(Id), cancellationToken), prefix: ""))
        {
            SuccessMessage = "The draft has been published. New learners get this version.";
            return Redirect($"/training/courses/{Id}");
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStartDraftAsync(int version, CancellationToken cancellationToken)
    {
        var number = 0;
        if (await TryAsync(async () => number = await mediator.Send(new StartDraft(Id, version), cancellationToken), prefix: ""))
        {
            SuccessMessage = $"Draft version {number} has been started from the published version. Change it below, then publish it.";
            return Redirect($"/training/courses/{Id}");
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new RetireCourse(Id), cancellationToken), prefix: ""))
        {
            SuccessMessage = "The course has been retired. Nobody new can enrol; every record and certificate is kept.";
            return Redirect($"/training/courses/{Id}");
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid assignment, CancellationToken cancellationToken)
    {
        var ended = 0;
        if (await TryAsync(async () => ended = await mediator.Send(new Features.Assignments.RemoveAssignment(assignment), cancellationToken), prefix: ""))
        {
            SuccessMessage = $"The assignment has been removed; {ended} unfinished record{(ended == 1 ? " was" : "s were")} ended. Completed records are kept.";
            return Redirect($"/training/courses/{Id}");
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetExportAsync(bool draft, CancellationToken cancellationToken) =>
        await mediator.Send(new ExportCourse(Id, draft), cancellationToken) is { } export ? File(export.Zip, "application/zip", export.FileName) : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCourseForAuthor(Id), cancellationToken) is not { } course)
        {
            return false;
        }

        Course = course;
        Assignments = await mediator.Send(new Features.Assignments.ListAssignments(Id), cancellationToken);
        return true;
    }
}
