using Phso.SharedKernel.Messaging;

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
