using Phso.SharedKernel.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Assignments;

/// <summary>Assigns a published course with a due date: admins to anyone or any group; managers to their own direct reports.</summary>
[RequiresPolicy(TrainingPolicies.Assign)]
public sealed record AssignCourse(Guid CourseId, AssignmentTarget? Target, Guid? TargetId, DateOnly? DueOn) : ICommand<int>;

/// <summary>Removes an assignment: its unfinished records end (no more reminders); finished ones stay as history.</summary>
[RequiresPolicy(TrainingPolicies.Assign)]
public sealed record RemoveAssignment(Guid AssignmentId) : ICommand<int>;

/// <summary>The current assignments of a course; without a course, those the signed-in person made.</summary>
[RequiresPolicy(TrainingPolicies.Assign)]
public sealed record ListAssignments(Guid? CourseId) : IQuery<IReadOnlyList<AssignmentRow>>;

public sealed record AssignmentRow(Guid Id, string CourseTitle, string TargetName, DateOnly DueOn, string AssignedBy, DateTimeOffset AssignedAt);

/// <summary>The courses that can be assigned: published and not retired.</summary>
[RequiresPolicy(TrainingPolicies.Assign)]
public sealed record GetAssignableCourses : IQuery<IReadOnlyList<(Guid Id, string Title)>>;

/// <summary>Enrols people who joined an assigned group since it was assigned; run by the nightly job.</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record EnrolNewMembers : ICommand<int>;

internal sealed class AssignmentHandlers(TrainingDbContext db, IMediator mediator, ICurrentUser me, TimeProvider clock)
    : IRequestHandler<AssignCourse, int>, IRequestHandler<RemoveAssignment, int>, IRequestHandler<ListAssignments, IReadOnlyList<AssignmentRow>>, IRequestHandler<EnrolNewMembers, int>,
        IRequestHandler<GetAssignableCourses, IReadOnlyList<(Guid Id, string Title)>>
{
    public async Task<IReadOnlyList<(Guid Id, string Title)>> Handle(GetAssignableCourses request, CancellationToken cancellationToken) =>
        [.. (await db.Courses.AsNoTracking().Where(c => c.PublishedNumber != null && c.RetiredAt == null).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.Title))];

    public async Task<int> Handle(AssignCourse request, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken)
            ?? throw new NotFoundException("There is no such course.");
        var target = request.Target ?? throw RequestValidationException.For(nameof(AssignCourse.Target), "Choose who the course is for");
        var due = request.DueOn ?? throw RequestValidationException.For(nameof(AssignCourse.DueOn), "Enter the date the course is due");
        if (due < TrainingTime.Today(clock))
        {
            throw RequestValidationException.For(nameof(AssignCourse.DueOn), "The due date must be today or in the future");
        }

        if (course.Published is null || course.IsRetired)
        {
            throw new RuleViolationException("Only a published course that has not been retired can be assigned.");
        }

        var isAdmin = me.IsSystem || me.IsInRole(Roles.Admin);
        if (!isAdmin && target != AssignmentTarget.Person)
        {
            throw new RuleViolationException("Managers can assign courses to their own direct reports, one person at a time.");
        }

        var (people, name) = await PeopleAsync(target, request.TargetId, cancellationToken);
        if (!isAdmin && people.Any(p => p.LineManagerId != me.Id))
        {
            throw new RuleViolationException("You can assign courses only to people who report to you.");
        }

        if (people.Any(p => !Suits(course, p)))
        {
            throw new RuleViolationException($"{course.Title} is not open to {name}: it is for {(course.Audience == CourseAudience.Staff ? "staff" : "partner complaint handlers")}.");
        }

        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(), CourseId = course.Id, Target = target, TargetId = request.TargetId, TargetName = name, DueOn = due,
            AssignedById = me.Id, AssignedBy = me.DisplayName, AssignedAt = clock.GetUtcNow(),
        };
        db.Assignments.Add(assignment);
        return await EnrolAsync(course, assignment, people, cancellationToken);
    }

    public async Task<int> Handle(RemoveAssignment request, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == request.AssignmentId && a.RemovedAt == null, cancellationToken)
            ?? throw new NotFoundException("There is no such assignment.");
        if (!me.IsSystem && !me.IsInRole(Roles.Admin) && assignment.AssignedById != me.Id)
        {
            throw new RuleViolationException("Only the person who assigned the course, or an admin, can remove the assignment.");
        }

        var now = clock.GetUtcNow();
        assignment.RemovedAt = now;
        var records = await db.Enrolments.Where(e => e.AssignmentId == assignment.Id && e.EndedAt == null && e.ArchivedAt == null).ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var record in records.Where(r => !r.IsFinished))
        {
            record.End("Unassigned", now);
            ended++;
        }

        return ended;
    }

    public async Task<IReadOnlyList<AssignmentRow>> Handle(ListAssignments request, CancellationToken cancellationToken) =>
        [.. (await db.Assignments.AsNoTracking()
            .Where(a => a.RemovedAt == null && (request.CourseId == null ? a.AssignedById == me.Id : a.CourseId == request.CourseId))
            .Join(db.Courses.AsNoTracking(), a => a.CourseId, c => c.Id, (a, c) => new { a.Id, c.Title, a.TargetName, a.DueOn, a.AssignedBy, a.AssignedAt })
            .OrderBy(a => a.DueOn).Take(500).ToListAsync(cancellationToken))
            .Select(a => new AssignmentRow(a.Id, a.Title, a.TargetName, a.DueOn, a.AssignedBy, a.AssignedAt))];

    public async Task<int> Handle(EnrolNewMembers request, CancellationToken cancellationToken)
    {
        var enrolled = 0;
        var assignments = await db.Assignments.Where(a => a.RemovedAt == null && a.Target != AssignmentTarget.Person).ToListAsync(cancellationToken);
        foreach (var assignment in assignments)
        {
            var course = await db.Courses.Include(c => c.Versions).SingleAsync(c => c.Id == assignment.CourseId, cancellationToken);
            if (course.Published is null || course.IsRetired)
            {
                continue;
            }

            var (people, _) = await PeopleAsync(assignment.Target, assignment.TargetId, cancellationToken);
            enrolled += await EnrolAsync(course, assignment, [.. people.Where(p => Suits(course, p))], cancellationToken);
        }

        return enrolled;
    }

    /// <summary>Enrols each person without a current record; a person already on the course keeps their record and
    /// gets the assignment's due date if it is sooner.</summary>
    private async Task<int> EnrolAsync(Course course, Assignment assignment, IReadOnlyList<PersonSummary> people, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.Id).ToList();
        var current = await db.Enrolments.Where(e => e.CourseId == course.Id && ids.Contains(e.PersonId) && e.EndedAt == null && e.ArchivedAt == null)
            .ToDictionaryAsync(e => e.PersonId, cancellationToken);
        var enrolled = 0;
        foreach (var person in people.Where(p => !current.ContainsKey(p.Id)))
        {
            db.Enrolments.Add(Enrolment.Start(person.Id, course, EnrolmentOrigin.Assigned, assignment.Id, assignment.DueOn, clock.GetUtcNow()));
            enrolled++;
        }

        foreach (var record in current.Values.Where(r => !r.IsFinished))
        {
            record.AssignTo(assignment.Id, assignment.DueOn);
        }

        return enrolled;
    }

    private async Task<(IReadOnlyList<PersonSummary> People, string Name)> PeopleAsync(AssignmentTarget target, Guid? targetId, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case AssignmentTarget.Person:
                var person = targetId is { } id ? await mediator.Send(new GetPerson(id), cancellationToken) : null;
                return person is { IsActive: true } ? ([person], person.DisplayName) : throw RequestValidationException.For(nameof(AssignCourse.TargetId), "Choose the person");
            case AssignmentTarget.AllStaff:
                return ([.. (await mediator.Send(new FindPeople(Roles.Staff), cancellationToken))], "all staff");
            case AssignmentTarget.AllManagers:
                return ([.. (await mediator.Send(new FindPeople(Roles.Manager), cancellationToken))], "all people managers");
            default:
                var organisation = targetId is { } org ? await mediator.Send(new GetOrganisation(org), cancellationToken) : null;
                if (organisation is null)
                {
                    throw RequestValidationException.For(nameof(AssignCourse.TargetId), "Choose the organisation");
                }

                var handlers = await mediator.Send(new FindPeople(Roles.PartnerHandler, organisation.Id), cancellationToken);
                return ([.. handlers], $"{Possessive.Of(organisation.Name)} complaint handlers");
        }
    }

    private static bool Suits(Course course, PersonSummary person) =>
        person.IsStaff ? course.Audience != CourseAudience.PartnerHandlers && course.OrganisationId is null
            : course.Audience != CourseAudience.Staff && (course.OrganisationId is null || course.OrganisationId == person.OrganisationId);
}
