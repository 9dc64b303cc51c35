using System.Globalization;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;

namespace Phso.Modules.Training.Pages.Learning;

/// <summary>Words and tags for the learning pages.</summary>
public static class Describe
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Day(DateOnly? day) => day?.ToString("d MMMM yyyy", English) ?? "";

    public static string Hours(decimal hours) => hours == 1 ? "1 hour" : $"{hours.ToString("0.##", English)} hours";

    public static string Category(CourseCategory category) => category switch
    {
        CourseCategory.EqualityDiversityInclusion => "Equality, diversity and inclusion",
        CourseCategory.ComplaintHandling => "Complaint handling",
        CourseCategory.Leadership => "Leadership",
        _ => "Other",
    };

    public static string Audience(CourseAudience audience) => audience switch
    {
        CourseAudience.Staff => "Staff",
        CourseAudience.PartnerHandlers => "Partner complaint handlers",
        _ => "Staff and partner complaint handlers",
    };

    /// <summary>The status as a GOV.UK tag: text and colour class.</summary>
    public static (string Text, string Colour) Status(EnrolmentStatus? status, bool overdue = false) => status switch
    {
        _ when overdue => ("Overdue", "govuk-tag--red"),
        EnrolmentStatus.Completed => ("Completed", "govuk-tag--green"),
        EnrolmentStatus.CompletedFailed => ("Completed, not passed", "govuk-tag--orange"),
        EnrolmentStatus.InProgress => ("In progress", "govuk-tag--light-blue"),
        EnrolmentStatus.NotStarted => ("Not started", "govuk-tag--grey"),
        _ => ("Not enrolled", "govuk-tag--grey"),
    };

    public static (string Text, string Colour) Certificate(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => ("Valid", "govuk-tag--green"),
        CertificateStatus.Expiring => ("Expiring soon", "govuk-tag--yellow"),
        CertificateStatus.Expired => ("Expired", "govuk-tag--red"),
        CertificateStatus.Revoked => ("Revoked", "govuk-tag--red"),
        _ => ("Superseded", "govuk-tag--grey"),
    };

    public static string Grading(GradingMethod method) => method switch
    {
        GradingMethod.Highest => "your highest attempt counts",
        GradingMethod.Average => "the average of your attempts counts",
        GradingMethod.First => "your first attempt counts",
        _ => "your last attempt counts",
    };
}
