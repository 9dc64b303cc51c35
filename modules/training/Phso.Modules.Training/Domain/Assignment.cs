namespace Phso.Modules.Training.Domain;

/// <summary>Who an assignment is for.</summary>
public enum AssignmentTarget
{
    /// <summary>One person.</summary>
    Person,

    /// <summary>Every member of staff.</summary>
    AllStaff,

    /// <summary>Everyone who manages people (has the Manager role).</summary>
    AllManagers,

    /// <summary>A partner organisation's complaint handlers.</summary>
    OrganisationHandlers,

    /// <summary>Complaint handlers of one organisation named one by one (a recommendation that the body trains them);
    /// <see cref="Assignment.TargetId"/> is the organisation. Nobody joins later.</summary>
    NamedHandlers,
}

/// <summary>A course assigned to a person or a group, with a due date. People who join the group later are enrolled
/// by the nightly check; removing the assignment ends the unfinished records it made (finished ones are history).</summary>
public sealed class Assignment
{
    public Guid Id { get; set; }

    public Guid CourseId { get; set; }

    public AssignmentTarget Target { get; set; }

    /// <summary>The person or the organisation, for those targets.</summary>
    public Guid? TargetId { get; set; }

    public string TargetName { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public Guid? AssignedById { get; set; }

    public string AssignedBy { get; set; } = "";

    public DateTimeOffset AssignedAt { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>A reminder sent: one row per record, recipient, kind and day it was about, so a reminder is never sent twice.</summary>
public sealed class SentReminder
{
    public Guid Id { get; set; }

    public Guid EnrolmentId { get; set; }

    public Guid RecipientId { get; set; }

    /// <summary>"due-30", "due-7", "due-1", "overdue", "expires-30" and so on.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The due or expiry date the reminder was about: a new date (a new cycle) gets its own reminders.</summary>
    public DateOnly About { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
