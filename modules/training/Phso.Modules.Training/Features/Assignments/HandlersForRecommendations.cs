using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Validation;

namespace Phso.Modules.Training.Features.Assignments;

internal sealed class ListCoursesForHandlersHandler(TrainingDbContext db) : IRequestHandler<ListCoursesForHandlers, IReadOnlyList<CourseChoice>>
{
    public async Task<IReadOnlyList<CourseChoice>> Handle(ListCoursesForHandlers request, CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking()
            .Where(c => c.PublishedNumber != null && c.RetiredAt == null && c.Audience != CourseAudience.Staff
                && (c.OrganisationId == null || c.OrganisationId == request.OrganisationId))
            .OrderBy(c => c.Title).Select(c => new CourseChoice(c.Id, c.Title)).ToListAsync(cancellationToken);
}

internal sealed class AssignCourseToHandlersValidator : AbstractValidator<AssignCourseToHandlers>
{
    public const int MaxPeople = 200;

    public AssignCourseToHandlersValidator()
    {
        RuleFor(r => r.PersonIds).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose the handlers who must take the course")
            .Must(p => p.Count <= MaxPeople).WithMessage($"Choose at most {MaxPeople} handlers")
            .Must(p => p.Distinct().Count() == p.Count).WithMessage("Choose each handler once");
        RuleFor(r => r.AssignedFor).IsText("Say what the course is assigned for", 200, "The reason");
    }
}

internal sealed class AssignCourseToHandlersHandler(TrainingDbContext db, IMediator mediator, ICurrentUser me, TimeProvider clock, AssignmentEnrolments enrolling)
    : IRequestHandler<AssignCourseToHandlers, Guid>
{
    private const int MaxNameLength = 200;

    public async Task<Guid> Handle(AssignCourseToHandlers request, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken);
        if (course is null || course.Published is null || course.IsRetired)
        {
            throw RequestValidationException.For<AssignCourseToHandlers>(r => r.CourseId, "Choose a published course from the list");
        }

        var organisation = await mediator.Send(new GetOrganisation(request.OrganisationId), cancellationToken)
            ?? throw RequestValidationException.For<AssignCourseToHandlers>(r => r.OrganisationId, "Choose an organisation in the register");
        var handlers = (await mediator.Send(new FindPeople(Roles.PartnerHandler, organisation.Id), cancellationToken)).ToDictionary(p => p.Id);
        if (request.PersonIds.Any(id => !handlers.ContainsKey(id)))
        {
            throw RequestValidationException.For<AssignCourseToHandlers>(r => r.PersonIds, $"Choose current complaint handlers of {organisation.Name}");
        }

        var people = request.PersonIds.Select(id => handlers[id]).ToList();
        if (people.Any(p => !AssignmentEnrolments.Suits(course, p)))
        {
            throw RequestValidationException.For<AssignCourseToHandlers>(r => r.CourseId, $"{course.Title} is not open to {Possessive.Of(organisation.Name)} complaint handlers");
        }

        var name = $"{people.Count} of {Possessive.Of(organisation.Name)} complaint handlers, for the {request.AssignedFor.Trim()}";
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(), CourseId = course.Id, Target = AssignmentTarget.NamedHandlers, TargetId = organisation.Id,
            TargetName = name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)] + "…",
            DueOn = request.DueOn, AssignedById = me.Id, AssignedBy = me.DisplayName, AssignedAt = clock.GetUtcNow(),
        };
        db.Assignments.Add(assignment);
        await enrolling.EnrolAsync(course, assignment, people, cancellationToken);
        return assignment.Id;
    }
}

internal sealed class GetTrainingProgressHandler(TrainingDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<GetTrainingProgress, TrainingProgress?>
{
    public async Task<TrainingProgress?> Handle(GetTrainingProgress request, CancellationToken cancellationToken)
    {
        var title = await db.Courses.AsNoTracking().Where(c => c.Id == request.CourseId).Select(c => c.Title).SingleOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return null;
        }

        var ids = request.PersonIds.Distinct().ToList();
        var completed = await db.Enrolments.AsNoTracking()
            .Where(e => e.CourseId == request.CourseId && ids.Contains(e.PersonId) && e.ArchivedAt == null && e.EndedAt == null && e.Status == EnrolmentStatus.Completed)
            .Select(e => new { e.PersonId, e.CompletedOn }).ToListAsync(cancellationToken);
        var completedOn = completed.GroupBy(e => e.PersonId).ToDictionary(g => g.Key, g => g.Max(e => e.CompletedOn));
        var names = (await mediator.Send(new GetPeople(ids), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        var today = TrainingTime.Today(clock);
        return new TrainingProgress(title,
        [
            .. ids.Select(id => new TraineeProgress(id, names.GetValueOrDefault(id, "A former handler"), completedOn.GetValueOrDefault(id),
                    !completedOn.ContainsKey(id) && today > request.DueOn))
                .OrderBy(p => p.Name, StringComparer.CurrentCulture),
        ]);
    }
}
