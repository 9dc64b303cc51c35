using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Assignments;

/// <summary>Assigns a published course with a due date: admins to anyone or any group; managers to their own direct reports.
/// <see cref="PersonId"/> is the person when it is for one person; <see cref="OrganisationId"/> the organisation whose
/// complaint handlers it is for.</summary>
[RequiresPolicy(TrainingPolicies.Assign)]
public sealed record AssignCourse(Guid CourseId, AssignmentTarget? Target, Guid? PersonId, Guid? OrganisationId, DateOnly? DueOn) : ICommand<int>
{
    /// <summary>The person or organisation the target names, if it names one.</summary>
    public Guid? TargetId => Target switch
    {
        AssignmentTarget.Person => PersonId,
        AssignmentTarget.OrganisationHandlers => OrganisationId,
        _ => null,
    };
}

internal sealed class AssignCourseValidator : AbstractValidator<AssignCourse>
{
    public AssignCourseValidator(TimeProvider clock)
    {
        RuleFor(r => r.Target).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose who the course is for")
            .Must(t => Enum.IsDefined(t!.Value) && t != AssignmentTarget.NamedHandlers).WithMessage("Choose who the course is for from the list");
        RuleFor(r => r.DueOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the date the course is due")
            .Must(due => due >= TrainingTime.Today(clock)).WithMessage("The due date must be today or in the future");
        RuleFor(r => r.PersonId).NotNull().When(r => r.Target == AssignmentTarget.Person).WithMessage("Choose the person");
        RuleFor(r => r.OrganisationId).NotNull().When(r => r.Target == AssignmentTarget.OrganisationHandlers).WithMessage("Choose the organisation");
    }
}

internal sealed class AssignCourseHandler(TrainingDbContext db, ICurrentUser me, TimeProvider clock, AssignmentEnrolments enrolling) : IRequestHandler<AssignCourse, int>
{
    public async Task<int> Handle(AssignCourse request, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken)
            ?? throw new NotFoundException("There is no such course.");
        var target = request.Target!.Value;
        var due = request.DueOn!.Value;

        if (course.Published is null || course.IsRetired)
        {
            throw new RuleViolationException("Only a published course that has not been retired can be assigned.");
        }

        var isAdmin = me.IsSystem || me.IsInRole(Roles.Admin);
        if (!isAdmin && target != AssignmentTarget.Person)
        {
            throw new RuleViolationException("Managers can assign courses to their own direct reports, one person at a time.");
        }

        var (people, name) = await enrolling.PeopleAsync(target, request.TargetId, cancellationToken) ?? throw (target == AssignmentTarget.Person
            ? RequestValidationException.For<AssignCourse>(r => r.PersonId, "Choose a current member of staff or handler")
            : RequestValidationException.For<AssignCourse>(r => r.OrganisationId, "Choose an organisation from the list"));
        if (!isAdmin && people.Any(p => p.LineManagerId != me.Id))
        {
            throw new RuleViolationException("You can assign courses only to people who report to you.");
        }

        if (people.Any(p => !AssignmentEnrolments.Suits(course, p)))
        {
            throw new RuleViolationException($"{course.Title} is not open to {name}: it is for {(course.Audience == CourseAudience.Staff ? "staff" : "partner complaint handlers")}.");
        }

        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(), CourseId = course.Id, Target = target, TargetId = request.TargetId, TargetName = name, DueOn = due,
            AssignedById = me.Id, AssignedBy = me.DisplayName, AssignedAt = clock.GetUtcNow(),
        };
        db.Assignments.Add(assignment);
        return await enrolling.EnrolAsync(course, assignment, people, cancellationToken);
    }
}
