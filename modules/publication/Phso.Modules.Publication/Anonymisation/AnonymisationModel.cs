namespace Phso.Modules.Publication.Anonymisation;

/// <summary>What kind of identifier a change removed. Direct identifiers point at one person on their own; the others
/// narrow the field.</summary>
internal enum IdentifierKind
{
    PersonName,
    NhsNumber,
    NationalInsuranceNumber,
    DateOfBirth,
    ExactDate,
    Age,
    Address,
    Postcode,
    PhoneNumber,
    EmailAddress,
    HospitalNumber,
    CaseNumber,
}

/// <summary>Who a person known to the case is, which decides their pseudonym.</summary>
internal enum PersonRole
{
    /// <summary>The person who complained: the first letter ("Mrs B").</summary>
    Complainant,

    /// <summary>Someone acting for the complainant.</summary>
    Representative,

    /// <summary>A child: an initial only, never a title.</summary>
    Child,

    /// <summary>Anyone else named in the case: a relative, a witness.</summary>
    Other,

    /// <summary>The body's staff named in the case.</summary>
    Staff,
}

/// <summary>A person the case file names, so that every form of their name can be found.</summary>
/// <param name="Name">Their name as recorded ("Margaret Anne Ellis").</param>
/// <param name="Role">Who they are.</param>
/// <param name="Title">"Mrs", "Dr"; null when not known.</param>
internal sealed record KnownPerson(string Name, PersonRole Role = PersonRole.Other, string? Title = null);

/// <summary>What the anonymiser knows about the document besides its text.</summary>
/// <param name="KnownPeople">People named in the case file (complainant first).</param>
/// <param name="BodyNames">The register's bodies (their names' words are not flagged as possible names).</param>
/// <param name="SmallBody">True when the body had too few decisions in the period for a dated event or a rare
/// condition to be safe.</param>
internal sealed record AnonymisationContext(IReadOnlyList<KnownPerson> KnownPeople, IReadOnlyList<string> BodyNames, bool SmallBody = false)
{
    /// <summary>Nothing known: the text alone.</summary>
    public static AnonymisationContext None { get; } = new([], []);
}

/// <summary>One change the anonymiser made, in the original text's positions.</summary>
/// <param name="Start">Where the original text it replaced starts.</param>
/// <param name="Length">How long it was.</param>
/// <param name="Original">What it was.</param>
/// <param name="Replacement">What it became.</param>
/// <param name="Kind">What kind of identifier it was.</param>
/// <param name="Reason">Why, in words a publisher reads.</param>
internal sealed record TextChange(int Start, int Length, string Original, string Replacement, IdentifierKind Kind, string Reason)
{
    public int End => Start + Length;
}

/// <summary>Something left in the anonymised text that might still identify someone; a publisher resolves each.</summary>
/// <param name="Start">Where it is in the anonymised text.</param>
/// <param name="Length">How long it is.</param>
/// <param name="Text">The words.</param>
/// <param name="Reason">Why it was flagged.</param>
internal sealed record ReidentificationFlag(int Start, int Length, string Text, string Reason);

/// <summary>A text after anonymisation.</summary>
/// <param name="Original">The text given.</param>
/// <param name="Text">The anonymised text.</param>
/// <param name="Changes">Every change, in order.</param>
/// <param name="Flags">What the re-identification check found in the anonymised text.</param>
internal sealed record AnonymisedText(string Original, string Text, IReadOnlyList<TextChange> Changes, IReadOnlyList<ReidentificationFlag> Flags);

/// <summary>A stretch of text a detector wants replaced.</summary>
internal sealed record Finding(int Start, int Length, IdentifierKind Kind, string Replacement, string Reason, int Priority = 0)
{
    public int End => Start + Length;
}
