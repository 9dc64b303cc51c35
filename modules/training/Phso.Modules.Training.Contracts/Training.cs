using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Contracts;

/// <summary>Who a course is for.</summary>
public enum CourseAudience
{
    /// <summary>The ombudsman's own staff.</summary>
    Staff,

    /// <summary>Frontline complaint handlers of the organisations in remit (partner handlers).</summary>
    PartnerHandlers,

    /// <summary>Staff and partner handlers.</summary>
    Everyone,
}

/// <summary>What a course is about; the EDI module counts EDI courses towards each person's yearly target.</summary>
public enum CourseCategory
{
    /// <summary>Equality, diversity and inclusion.</summary>
    EqualityDiversityInclusion,

    /// <summary>Handling complaints.</summary>
    ComplaintHandling,

    /// <summary>Leading and managing people.</summary>
    Leadership,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Published when someone completes a course (each completion, recertifications included).</summary>
/// <param name="PersonId">Who completed it.</param>
/// <param name="CourseId">The course.</param>
/// <param name="CourseTitle">Its title in the version completed.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Hours">Its nominal duration, for counting learning time.</param>
/// <param name="CompletedOn">The day it was completed.</param>
public sealed record CourseCompleted(Guid PersonId, Guid CourseId, string CourseTitle, CourseCategory Category, decimal Hours, DateOnly CompletedOn) : IIntegrationEvent;

/// <summary>A course that can be assigned, as a list shows it.</summary>
/// <param name="Id">The course.</param>
/// <param name="Title">Its published title.</param>
public sealed record CourseChoice(Guid Id, string Title);

/// <summary>The published, current courses an organisation's complaint handlers can be assigned: those for partner
/// handlers or everyone, general or the organisation's own. For a recommendation that asks a body to train its staff.</summary>
/// <param name="OrganisationId">The body.</param>
[RequiresPolicy(Policies.StaffOnly)]
public sealed record ListCoursesForHandlers(Guid OrganisationId) : IQuery<IReadOnlyList<CourseChoice>>;

/// <summary>Assigns a course to named complaint handlers of one organisation with a due date (a recommendation that
/// the body trains them). Each is enrolled unless already on the course; the training module's reminders follow.
/// Refused when the course cannot be assigned to them or a person named is not a current handler there. Returns the
/// assignment's id.</summary>
/// <param name="CourseId">A published course for partner handlers.</param>
/// <param name="OrganisationId">The body whose handlers take it.</param>
/// <param name="PersonIds">The handlers named.</param>
/// <param name="DueOn">When they must have completed it.</param>
/// <param name="AssignedFor">Why, as the assignment list shows it ("recommendation on case 2026-000123").</param>
[RequiresPolicy(Policies.StaffOnly)]
public sealed record AssignCourseToHandlers(Guid CourseId, Guid OrganisationId, IReadOnlyList<Guid> PersonIds, DateOnly DueOn, string AssignedFor) : ICommand<Guid>;

/// <summary>How named people are getting on with a course, as it stands now: for each, the day they completed it (a
/// completed record that is still current: not archived by a new cycle, not ended), or whether they are past the due
/// date. Null when there is no such course.</summary>
/// <param name="CourseId">The course.</param>
/// <param name="PersonIds">The people named.</param>
/// <param name="DueOn">The date they were to complete it by.</param>
[RequiresPolicy(Policies.SignedIn)]
public sealed record GetTrainingProgress(Guid CourseId, IReadOnlyList<Guid> PersonIds, DateOnly DueOn) : IQuery<TrainingProgress?>;

/// <summary>One named person's progress.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Name">Their name.</param>
/// <param name="CompletedOn">The day they completed the course, or null.</param>
/// <param name="IsOverdue">Not completed and the due date has passed.</param>
public sealed record TraineeProgress(Guid PersonId, string Name, DateOnly? CompletedOn, bool IsOverdue);

/// <summary>Named people's progress on a course.</summary>
/// <param name="CourseTitle">The course's title.</param>
/// <param name="People">Each person named, by name.</param>
public sealed record TrainingProgress(string CourseTitle, IReadOnlyList<TraineeProgress> People)
{
    /// <summary>How many have completed it.</summary>
    public int Completed => People.Count(p => p.CompletedOn is not null);

    /// <summary>How many have not and are past the due date.</summary>
    public int Overdue => People.Count(p => p.IsOverdue);

    /// <summary>Everyone named has completed it.</summary>
    public bool AllCompleted => People.Count > 0 && Completed == People.Count;

    /// <summary>"7 of 9 handlers completed, 2 overdue".</summary>
    public string Summary => $"{Completed} of {People.Count} {(People.Count == 1 ? "handler" : "handlers")} completed" + (Overdue > 0 ? $", {Overdue} overdue" : "");
}
