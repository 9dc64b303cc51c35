using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.SharedKernel.Time;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Complaints.Pages.Complain;

/// <summary>The choices the complaint form offers.</summary>
public static class FormChoices
{
    public static IReadOnlyList<ChoiceItem> Who { get; } =
    [
        new("myself", "I am complaining for myself"),
        new("someone-else", "I am complaining for someone else", "For example a relative, a friend, or as their advocate"),
    ];

    public static IReadOnlyList<ChoiceItem> Capacity { get; } =
    [
        new(nameof(RepresentativeCapacity.WithConsent), "They have agreed that I can complain for them"),
        new(nameof(RepresentativeCapacity.PersonHasDied), "They have died, and I am their next of kin or personal representative"),
        new(nameof(RepresentativeCapacity.PersonCannotConsent), "They cannot give consent, for example because they lack the mental capacity, and I act in their best interests"),
    ];

    public static IReadOnlyList<ChoiceItem> Confirm { get; } = [new("yes", "I confirm I may make this complaint for them, and that what I tell you is true to the best of my knowledge")];

    public static IReadOnlyList<ChoiceItem> Nations { get; } =
    [
        new(nameof(Nation.England), "England"), new(nameof(Nation.Wales), "Wales"), new(nameof(Nation.Scotland), "Scotland"), new(nameof(Nation.NorthernIreland), "Northern Ireland"),
    ];

    public static IReadOnlyList<ChoiceItem> Channels { get; } =
    [
        new(nameof(ContactChannel.Email), "Email"), new(nameof(ContactChannel.Phone), "Phone"), new(nameof(ContactChannel.Letter), "Letter"),
    ];

    public static IReadOnlyList<ChoiceItem> Procedure { get; } =
    [
        new(nameof(BodyProcedure.Finished), "Yes, and they have sent their final response"),
        new(nameof(BodyProcedure.NotFinished), "Yes, but they have not finished dealing with it"),
        new(nameof(BodyProcedure.NotStarted), "No"),
    ];

    public static IReadOnlyList<ChoiceItem> YesNo { get; } = [new("true", "Yes"), new("false", "No")];

    /// <summary>The options of a partner plugin's yes/no or choice question; an optional one may be answered "I do not know".</summary>
    public static IReadOnlyList<ChoiceItem> ForLocal(LocalQuestion question, string notKnown = "I do not know") =>
    [
        .. question.Type == Plugins.Contracts.IntakeAnswerType.YesNo ? [new("yes", "Yes"), new("no", "No")] : question.Choices.Select(c => new ChoiceItem(c, c)),
        .. question.Required ? Array.Empty<ChoiceItem>() : [new ChoiceItem(LocalQuestion.NotKnown, notKnown)],
    ];

    public static IReadOnlyList<ChoiceItem> Legal { get; } =
    [
        new(nameof(LegalRemedy.No), "No"),
        new(nameof(LegalRemedy.Yes), "Yes", "For example you have started a claim, or an appeal to a tribunal is open to you"),
        new(nameof(LegalRemedy.NotSure), "I'm not sure"),
    ];

    public static IReadOnlyList<ChoiceItem> Sectors { get; } =
    [
        new(nameof(SharedKernel.Domain.Sector.Health), "Part of the NHS in England", "For example a hospital, GP practice, ambulance service or NHS dentist"),
        new(nameof(SharedKernel.Domain.Sector.Parliamentary), "A UK government department or other public body", "For example the Department for Work and Pensions, HMRC or the Home Office"),
    ];

    public static IReadOnlyList<ChoiceItem> Needs { get; } =
        [.. Enum.GetValues<SupportNeeds>().Where(n => n != SupportNeeds.None).Select(n => new ChoiceItem(n.ToString(), n.Describe()))];

    public static IReadOnlyList<ChoiceItem> NotListed { get; } = [new("yes", "The organisation is not in the list")];

    public static IReadOnlyList<ChoiceItem> ExtraTime { get; } = [new("yes", "I need extra time to reply to you")];
}
