using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Time;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Features.SubmitComplaint;

/// <summary>
/// Everything the public form asks, as typed. Kept in the person's session between pages (nothing is saved as a
/// complaint until it is submitted), so answers survive going back and forth and a validation error.
/// </summary>
public sealed class ComplaintAnswers
{
    /// <summary>Identifies the draft's uploaded files until submission.</summary>
    public Guid DraftId { get; set; } = Guid.NewGuid();

    /// <summary>"myself" or "someone-else".</summary>
    public string? Who { get; set; }

    public string? RepresentativeName { get; set; }
    public string? RepresentativeRelationship { get; set; }
    public RepresentativeCapacity? RepresentativeCapacity { get; set; }

    /// <summary>The representative confirms they may complain for the person.</summary>
    public List<string> RepresentativeConfirms { get; set; } = [];

    public string? PersonName { get; set; }
    public Nation? PersonNation { get; set; }

    /// <summary>How to reach whoever is making the complaint.</summary>
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public ContactChannel? PreferredChannel { get; set; }
    public string? BestTimes { get; set; }

    public Guid? OrganisationId { get; set; }
    public string? OrganisationName { get; set; }
    public Sector? OrganisationSector { get; set; }
    public string? BodyNotListed { get; set; }
    public string? BodyNameGiven { get; set; }
    public Sector? BodySector { get; set; }

    public string? WhatHappened { get; set; }
    public DateParts AwareOn { get; set; } = new();
    public string? Impact { get; set; }
    public string? OutcomeWanted { get; set; }

    public BodyProcedure? BodyProcedure { get; set; }
    public DateParts ComplainedOn { get; set; } = new();
    public DateParts AcknowledgedOn { get; set; } = new();
    public DateParts FinalResponseOn { get; set; } = new();

    /// <summary>The questions running partner plugins ask about the chosen organisation, with the answers so far.
    /// Filled from the plugins (never from what a browser or client sends) when the organisation is chosen and again
    /// before sending, so a plugin switched on or off meanwhile is taken into account.</summary>
    public List<LocalQuestion> LocalQuestions { get; set; } = [];

    public bool? MpReferred { get; set; }
    public string? MpName { get; set; }
    public string? MpConstituency { get; set; }
    public DateParts MpReferredOn { get; set; } = new();

    public LegalRemedy? LegalRemedy { get; set; }

    public bool? NeedsAdjustments { get; set; }
    public List<SupportNeeds> SupportNeeds { get; set; } = [];
    public string? ContactPersonName { get; set; }
    public string? ContactPersonRelationship { get; set; }
    public List<string> ExtraTime { get; set; } = [];
    public string? OtherNeeds { get; set; }

    public List<DraftFile> Evidence { get; set; } = [];

    public bool ForSomeoneElse => Who == "someone-else";

    public bool NotListed => BodyNotListed == "yes";

    public Sector? Sector => NotListed ? BodySector : OrganisationSector;

    public string BodyName => (NotListed ? BodyNameGiven : OrganisationName) ?? "";
}

/// <summary>A question a partner plugin asks about the organisation, and the answer as typed.</summary>
public sealed class LocalQuestion
{
    /// <summary>The answer to an optional yes/no or choice question when the person does not know.</summary>
    public const string NotKnown = "not-known";

    public string PluginId { get; set; } = "";
    public string PluginName { get; set; } = "";
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
    public IntakeAnswerType Type { get; set; }
    public string? Hint { get; set; }
    public List<string> Choices { get; set; } = [];
    public bool Required { get; set; }

    /// <summary>The answer: "yes", "no", a choice or text. Unused for dates.</summary>
    public string? Answer { get; set; }

    /// <summary>The answer to a date question.</summary>
    public DateParts Date { get; set; } = new();

    /// <summary>The answer as kept with the case: dates as yyyy-MM-dd; "do not know" and blanks as null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Stored => Type == IntakeAnswerType.Date
        ? Date.TryRead("Date", out var date, out _) ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null
        : string.IsNullOrWhiteSpace(Answer) || Answer == NotKnown ? null : Answer.Trim();
}
