using System.Net.Mail;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Features.SubmitComplaint;

/// <summary>One question page of the form: its address, the heading people see, when it applies, how its answers
/// are copied from a post into the draft, and what is wrong with them.</summary>
public sealed record JourneyPage(
    string Slug,
    string Title,
    Func<ComplaintAnswers, bool> Applies,
    Action<ComplaintAnswers, ComplaintAnswers> Copy,
    Func<ComplaintAnswers, DateOnly, IEnumerable<(string Field, string Message)>> Validate);

/// <summary>
/// The public complaint form, one thing per page (GOV.UK pattern). The order here is the order people see; a page
/// applies only where its question makes sense (the representative's details only for someone else, the MP only for
/// a parliamentary body). Every page's rules also run once more when the complaint is submitted.
/// </summary>
public static class ComplaintJourney
{
    public const string CheckAnswers = "check";

    /// <summary>The page of questions partner plugins add for the organisation.</summary>
    public const string LocalQuestionsPage = "local-questions";

    public const int MaxLocalAnswerLength = 1000;

    public static readonly IReadOnlyList<JourneyPage> Pages =
    [
        new("who", "Who is making the complaint?", _ => true,
            (from, to) => to.Who = from.Who,
            (a, _) => a.Who is "myself" or "someone-else" ? [] : [("Who", "Select who is making the complaint")]),

        new("representative", "Your details as their representative", a => a.ForSomeoneElse,
            (from, to) =>
            {
                to.RepresentativeName = from.RepresentativeName?.Trim();
                to.RepresentativeRelationship = from.RepresentativeRelationship?.Trim();
                to.RepresentativeCapacity = from.RepresentativeCapacity;
                to.RepresentativeConfirms = from.RepresentativeConfirms;
            },
            (a, _) => Errors(
                Required(a.RepresentativeName, "RepresentativeName", "Enter your full name", 200),
                Required(a.RepresentativeRelationship, "RepresentativeRelationship", "Enter your relationship to the person, for example daughter or advocate", 100),
                a.RepresentativeCapacity is null ? ("RepresentativeCapacity", "Select why you are making the complaint for them") : default,
                a.RepresentativeConfirms.Contains("yes") ? default : ("RepresentativeConfirms", "Confirm that you may make this complaint for them"))),

        new("person", "About the person the complaint is about", _ => true,
            (from, to) =>
            {
                to.PersonName = from.PersonName?.Trim();
                to.PersonNation = from.PersonNation;
            },
            (a, _) => Errors(
                Required(a.PersonName, "PersonName", a.ForSomeoneElse ? "Enter the full name of the person the complaint is about" : "Enter your full name", 200),
                a.PersonNation is null ? ("PersonNation", a.ForSomeoneElse ? "Select where they live" : "Select where you live") : default)),

        new("contact", "How should we contact you?", _ => true,
            (from, to) =>
            {
                to.Email = from.Email?.Trim();
                to.Phone = from.Phone?.Trim();
                to.Address = from.Address?.Trim();
                to.PreferredChannel = from.PreferredChannel;
                to.BestTimes = from.BestTimes?.Trim();
            },
            (a, _) => Errors(
                a.PreferredChannel is null ? ("PreferredChannel", "Select how you would like us to contact you") : default,
                a.PreferredChannel == ContactChannel.Email && string.IsNullOrWhiteSpace(a.Email) ? ("Email", "Enter your email address, or choose another way for us to contact you") : default,
                !string.IsNullOrWhiteSpace(a.Email) && !IsEmail(a.Email) ? ("Email", "Enter an email address in the correct format, like name@example.com") : default,
                a.PreferredChannel == ContactChannel.Phone && string.IsNullOrWhiteSpace(a.Phone) ? ("Phone", "Enter your phone number, or choose another way for us to contact you") : default,
                !string.IsNullOrWhiteSpace(a.Phone) && !IsPhone(a.Phone) ? ("Phone", "Enter a phone number, like 01632 960 001 or 07700 900 982") : default,
                a.PreferredChannel == ContactChannel.Letter && string.IsNullOrWhiteSpace(a.Address) ? ("Address", "Enter your postal address, or choose another way for us to contact you") : default,
                TooLong(a.Address, "Address", "Your address", 500),
                TooLong(a.BestTimes, "BestTimes", "The best times to contact you", 200))),

        new("organisation", "Which organisation is your complaint about?", _ => true,
            (from, to) =>
            {
                to.BodyNotListed = from.BodyNotListed;
                to.OrganisationId = from.BodyNotListed == "yes" ? null : from.OrganisationId;
                to.OrganisationName = from.BodyNotListed == "yes" ? null : from.OrganisationName;
                to.OrganisationSector = from.BodyNotListed == "yes" ? null : from.OrganisationSector;
                to.BodyNameGiven = from.BodyNotListed == "yes" ? from.BodyNameGiven?.Trim() : null;
                to.BodySector = from.BodyNotListed == "yes" ? from.BodySector : null;
                to.LocalQuestions = from.LocalQuestions;
            },
            (a, _) => a.NotListed
                ? Errors(
                    Required(a.BodyNameGiven, "BodyNameGiven", "Enter the name of the organisation", 200),
                    a.BodySector is null ? ("BodySector", "Select whether it is part of the NHS or a government department or other public body") : default)
                : a.OrganisationId is null ? [("OrganisationId", "Select the organisation, or say it is not in the list")] : []),

        new("what-happened", "What happened?", _ => true,
            (from, to) => to.WhatHappened = from.WhatHappened?.Trim(),
            (a, _) => Errors(Required(a.WhatHappened, "WhatHappened", "Tell us what happened", 20000))),

        new("when-aware", "When did you first become aware of the problem?", _ => true,
            (from, to) => to.AwareOn = from.AwareOn,
            (a, today) => a.AwareOn.TryRead("Date you became aware of the problem", out _, out var error, today) ? [] : [("AwareOn", error!)]),

        new("impact", "How has this affected you?", _ => true,
            (from, to) => to.Impact = from.Impact?.Trim(),
            (a, _) => Errors(Required(a.Impact, "Impact", "Tell us how this has affected you", 10000))),

        new("outcome", "What would you like to happen?", _ => true,
            (from, to) => to.OutcomeWanted = from.OutcomeWanted?.Trim(),
            (a, _) => Errors(Required(a.OutcomeWanted, "OutcomeWanted", "Tell us what you would like to happen", 10000))),

        new("organisation-complaint", "Have you complained to the organisation?", _ => true,
            (from, to) =>
            {
                to.BodyProcedure = from.BodyProcedure;
                to.ComplainedOn = from.BodyProcedure == Domain.BodyProcedure.NotStarted ? new DateParts() : from.ComplainedOn;
                to.AcknowledgedOn = from.BodyProcedure == Domain.BodyProcedure.NotStarted ? new DateParts() : from.AcknowledgedOn;
                to.FinalResponseOn = from.BodyProcedure == Domain.BodyProcedure.Finished ? from.FinalResponseOn : new DateParts();
            },
            (a, today) =>
            {
                if (a.BodyProcedure is null)
                {
                    return [("BodyProcedure", "Select whether you have complained to the organisation")];
                }

                var errors = new List<(string, string)>();
                DateOnly complained = default;
                if (a.BodyProcedure != Domain.BodyProcedure.NotStarted && !a.ComplainedOn.TryRead("Date you complained to the organisation", out complained, out var complainedError, today))
                {
                    errors.Add(("ComplainedOn", complainedError!));
                }

                // The acknowledgement date is optional: many people will not have it to hand.
                DateOnly? acknowledged = null;
                if (a.BodyProcedure != Domain.BodyProcedure.NotStarted && !a.AcknowledgedOn.IsEmpty)
                {
                    if (a.AcknowledgedOn.TryRead("Date they acknowledged your complaint", out var on, out var acknowledgedError, today))
                    {
                        acknowledged = on;
                    }
                    else
                    {
                        errors.Add(("AcknowledgedOn", acknowledgedError!));
                    }
                }

                DateOnly? response = null;
                if (a.BodyProcedure == Domain.BodyProcedure.Finished)
                {
                    if (a.FinalResponseOn.TryRead("Date of the organisation's final response", out var on, out var responseError, today))
                    {
                        response = on;
                    }
                    else
                    {
                        errors.Add(("FinalResponseOn", responseError!));
                    }
                }

                if (errors.Count == 0)
                {
                    errors.AddRange(BodyDates.OutOfOrder(complained, acknowledged, response, "you complained"));
                }

                return errors;
            }),

        new(LocalQuestionsPage, "More about the organisation's complaints procedure", a => a.LocalQuestions.Count > 0,
            (from, to) =>
            {
                // Answers are matched by question; the questions themselves stay as the plugins asked them.
                foreach (var question in to.LocalQuestions)
                {
                    var posted = from.LocalQuestions.FirstOrDefault(q => q.PluginId == question.PluginId && q.Key == question.Key);
                    question.Answer = question.Type == IntakeAnswerType.Date ? null : posted?.Answer?.Trim();
                    question.Date = question.Type == IntakeAnswerType.Date ? posted?.Date ?? new DateParts() : new DateParts();
                }
            },
            (a, today) => a.LocalQuestions.SelectMany((q, i) => LocalAnswerProblems(q, today).Select(message => ($"LocalQuestions[{i}].{(q.Type == IntakeAnswerType.Date ? "Date" : "Answer")}", message)))),

        new("mp", "Has an MP referred your complaint to us?", a => a.Sector == Sector.Parliamentary,
            (from, to) =>
            {
                to.MpReferred = from.MpReferred;
                to.MpName = from.MpReferred == true ? from.MpName?.Trim() : null;
                to.MpConstituency = from.MpReferred == true ? from.MpConstituency?.Trim() : null;
                to.MpReferredOn = from.MpReferred == true ? from.MpReferredOn : new DateParts();
            },
            (a, today) =>
            {
                if (a.MpReferred is null)
                {
                    return [("MpReferred", "Select yes if an MP has referred your complaint")];
                }

                if (a.MpReferred == false)
                {
                    return [];
                }

                var errors = Errors(
                    Required(a.MpName, "MpName", "Enter the MP's name", 100),
                    Required(a.MpConstituency, "MpConstituency", "Enter the MP's constituency", 100)).ToList();
                if (!a.MpReferredOn.TryRead("Date the MP referred your complaint", out _, out var error, today))
                {
                    errors.Add(("MpReferredOn", error!));
                }

                return errors;
            }),

        new("legal", "Have you taken legal action, or could you go to a court or tribunal about this?", _ => true,
            (from, to) => to.LegalRemedy = from.LegalRemedy,
            (a, _) => a.LegalRemedy is null ? [("LegalRemedy", "Select whether you have taken, or could take, legal action")] : []),

        new("adjustments", "Do you need us to change how we work with you?", _ => true,
            (from, to) =>
            {
                to.NeedsAdjustments = from.NeedsAdjustments;
                to.SupportNeeds = from.NeedsAdjustments == true ? from.SupportNeeds : [];
                to.ContactPersonName = from.NeedsAdjustments == true ? from.ContactPersonName?.Trim() : null;
                to.ContactPersonRelationship = from.NeedsAdjustments == true ? from.ContactPersonRelationship?.Trim() : null;
                to.ExtraTime = from.NeedsAdjustments == true ? from.ExtraTime : [];
                to.OtherNeeds = from.NeedsAdjustments == true ? from.OtherNeeds?.Trim() : null;
            },
            (a, _) => a.NeedsAdjustments switch
            {
                null => [("NeedsAdjustments", "Select yes if you need us to change how we work with you")],
                true when a.SupportNeeds.Count == 0 && string.IsNullOrWhiteSpace(a.ContactPersonName) && a.ExtraTime.Count == 0 && string.IsNullOrWhiteSpace(a.OtherNeeds) =>
                    [("SupportNeeds", "Tell us what you need: select a format or support, name a contact person, ask for extra time, or describe it")],
                true => Errors(
                    TooLong(a.ContactPersonName, "ContactPersonName", "The contact person's name", 200),
                    !string.IsNullOrWhiteSpace(a.ContactPersonName) && string.IsNullOrWhiteSpace(a.ContactPersonRelationship) ? ("ContactPersonRelationship", "Enter the contact person's relationship to you") : default,
                    TooLong(a.ContactPersonRelationship, "ContactPersonRelationship", "The contact person's relationship to you", 100),
                    TooLong(a.OtherNeeds, "OtherNeeds", "What else you need", 1000)),
                _ => [],
            }),

        new("evidence", "Add documents or photos (optional)", _ => true,
            (_, _) => { },
            (_, _) => []),
    ];

    public static JourneyPage Find(string slug) => Pages.Single(p => p.Slug == slug);

    /// <summary>The page after <paramref name="slug"/> that applies to these answers, or the check-your-answers page.</summary>
    public static string Next(string slug, ComplaintAnswers answers)
    {
        var index = IndexOf(slug);
        return Pages.Skip(index + 1).FirstOrDefault(p => p.Applies(answers))?.Slug ?? CheckAnswers;
    }

    /// <summary>The page before, for the back link; the start page before the first.</summary>
    public static string? Previous(string slug, ComplaintAnswers answers)
    {
        if (slug == CheckAnswers)
        {
            return Pages.Last(p => p.Applies(answers)).Slug;
        }

        return Pages.Take(IndexOf(slug)).LastOrDefault(p => p.Applies(answers))?.Slug;
    }

    /// <summary>The first page, in order, that applies and is not yet answered well; null when all are.</summary>
    public static string? FirstIncomplete(ComplaintAnswers answers, DateOnly today) =>
        Pages.FirstOrDefault(p => p.Applies(answers) && p.Validate(answers, today).Any())?.Slug;

    /// <summary>Every problem with the answers, with the page that asks the question.</summary>
    public static IReadOnlyList<(string Slug, string Field, string Message)> Problems(ComplaintAnswers answers, DateOnly today) =>
        [.. Pages.Where(p => p.Applies(answers)).SelectMany(p => p.Validate(answers, today).Select(e => (p.Slug, e.Field, e.Message)))];

    /// <summary>What is wrong with an answer to a partner plugin's question, in words for the person answering.</summary>
    public static IEnumerable<string> LocalAnswerProblems(LocalQuestion q, DateOnly today)
    {
        var quoted = $"\u201c{q.Text}\u201d";
        switch (q.Type)
        {
            case IntakeAnswerType.Date when q.Date.IsEmpty:
                if (q.Required)
                {
                    yield return $"Enter the date for {quoted}";
                }

                break;
            case IntakeAnswerType.Date:
                if (!q.Date.TryRead($"The date for {quoted}", out _, out var error, today))
                {
                    yield return error!;
                }

                break;
            case IntakeAnswerType.YesNo when q.Answer is "yes" or "no" || (!q.Required && q.Answer is null or LocalQuestion.NotKnown):
            case IntakeAnswerType.Choice when q.Choices.Contains(q.Answer ?? "") || (!q.Required && q.Answer is null or LocalQuestion.NotKnown):
                break;
            case IntakeAnswerType.YesNo:
                yield return $"Select yes or no for {quoted}";
                break;
            case IntakeAnswerType.Choice:
                yield return $"Select an answer for {quoted}";
                break;
            default:
                if (q.Required && string.IsNullOrWhiteSpace(q.Answer))
                {
                    yield return $"Enter your answer to {quoted}";
                }
                else if (q.Answer is { Length: > MaxLocalAnswerLength })
                {
                    yield return $"Your answer to {quoted} must be {MaxLocalAnswerLength} characters or fewer";
                }

                break;
        }
    }

    /// <summary>The longest answer kept for each free-text question (and the most items of each list).</summary>
    public static IReadOnlyList<(string Field, string What, Func<ComplaintAnswers, string?> Value, int MaxLength)> TextLimits { get; } =
    [
        ("Who", "Who is making the complaint", a => a.Who, 20),
        ("RepresentativeName", "Your name", a => a.RepresentativeName, 200),
        ("RepresentativeRelationship", "Your relationship to the person", a => a.RepresentativeRelationship, 100),
        ("PersonName", "The name", a => a.PersonName, 200),
        ("Email", "The email address", a => a.Email, 256),
        ("Phone", "The phone number", a => a.Phone, 40),
        ("Address", "Your address", a => a.Address, 500),
        ("BestTimes", "The best times to contact you", a => a.BestTimes, 200),
        ("OrganisationName", "The organisation's name", a => a.OrganisationName, 200),
        ("BodyNotListed", "Not in the list", a => a.BodyNotListed, 10),
        ("BodyNameGiven", "The name of the organisation", a => a.BodyNameGiven, 200),
        ("WhatHappened", "What happened", a => a.WhatHappened, 20000),
        ("Impact", "How this has affected you", a => a.Impact, 10000),
        ("OutcomeWanted", "What you would like to happen", a => a.OutcomeWanted, 10000),
        ("MpName", "The MP's name", a => a.MpName, 100),
        ("MpConstituency", "The MP's constituency", a => a.MpConstituency, 100),
        ("ContactPersonName", "The contact person's name", a => a.ContactPersonName, 200),
        ("ContactPersonRelationship", "The contact person's relationship to you", a => a.ContactPersonRelationship, 100),
        ("OtherNeeds", "What else you need", a => a.OtherNeeds, 1000),
    ];

    /// <summary>Texts over their length and lists longer than the form could send, whichever questions apply.</summary>
    public static IEnumerable<(string Field, string Message)> Oversized(ComplaintAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var (field, what, value, maxLength) in TextLimits)
        {
            if (value(answers) is { } text && text.Length > maxLength)
            {
                yield return (field, $"{what} must be {maxLength:N0} characters or fewer");
            }
        }

        foreach (var (field, count, most) in new[]
        {
            ("RepresentativeConfirms", answers.RepresentativeConfirms.Count, 1), ("SupportNeeds", answers.SupportNeeds.Count, Enum.GetValues<SupportNeeds>().Length),
            ("ExtraTime", answers.ExtraTime.Count, 1), ("LocalQuestions", answers.LocalQuestions.Count, 50),
        })
        {
            if (count > most)
            {
                yield return (field, $"Send at most {most} {(most == 1 ? "value" : "values")} for this");
            }
        }
    }

    private static int IndexOf(string slug) => Pages.ToList().FindIndex(p => p.Slug == slug);

    private static (string, string)? Required(string? value, string field, string message, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? (field, message)
        : value.Length > maxLength ? (field, $"{message.Replace("Enter ", "", StringComparison.Ordinal).Replace("Tell us ", "", StringComparison.Ordinal)} must be {maxLength} characters or fewer")
        : null;

    private static (string, string)? TooLong(string? value, string field, string what, int maxLength) =>
        value is not null && value.Length > maxLength ? (field, $"{what} must be {maxLength} characters or fewer") : null;

    private static IEnumerable<(string Field, string Message)> Errors(params (string, string)?[] errors) =>
        errors.Where(e => e is { } found && !string.IsNullOrEmpty(found.Item1)).Select(e => e!.Value);

    private static bool IsEmail(string value) => value.Length <= 256 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 10 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-');
    }
}
