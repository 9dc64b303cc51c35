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

/// <summary>What assigning shares: who an assignment is for, whether a course suits them, and enrolling them.</summary>
internal sealed class AssignmentEnrolments(TrainingDbContext db, IMediator mediator, TimeProvider clock)
{
    /// <summary>Enrols each person without a current record; a person already on the course keeps their record and
    /// gets the assignment's due date if it is sooner.</summary>
    public async Task<int> EnrolAsync(Course course, Assignment assignment, IReadOnlyList<PersonSummary> people, CancellationToken cancellationToken)
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

    /// <summary>Who a target means now, and how to name them; null when the person or organisation it names is not (or no longer) there.</summary>
    public async Task<(IReadOnlyList<PersonSummary> People, string Name)?> PeopleAsync(AssignmentTarget target, Guid? targetId, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case AssignmentTarget.Person:
                var person = targetId is { } id ? await mediator.Send(new GetPerson(id), cancellationToken) : null;
                return person is { IsActive: true } ? ([person], person.DisplayName) : null;
            case AssignmentTarget.AllStaff:
                return ([.. (await mediator.Send(new FindPeople(Roles.Staff), cancellationToken))], "all staff");
            case AssignmentTarget.AllManagers:
                return ([.. (await mediator.Send(new FindPeople(Roles.Manager), cancellationToken))], "all people managers");
            case AssignmentTarget.NamedHandlers:
                // Only the people named, enrolled when it was made.
                return null;
            default:
                var organisation = targetId is { } org ? await mediator.Send(new GetOrganisation(org), cancellationToken) : null;
                if (organisation is null)
                {
                    return null;
                }

                var handlers = await mediator.Send(new FindPeople(Roles.PartnerHandler, organisation.Id), cancellationToken);
                return ([.. handlers], $"{Possessive.Of(organisation.Name)} complaint handlers");
        }
    }

    public static bool Suits(Course course, PersonSummary person) =>
        person.IsStaff ? course.Audience != CourseAudience.PartnerHandlers && course.OrganisationId is null
            : course.Audience != CourseAudience.Staff && (course.OrganisationId is null || course.OrganisationId == person.OrganisationId);
}
