namespace Phso.Modules.Publication.Anonymisation;

/// <summary>A person in one document and the letter they go by: the same letter in every field of the document.</summary>
/// <param name="Name">Their name, as known or as first found.</param>
/// <param name="Role">Who they are.</param>
/// <param name="Title">"Mrs", "Dr"; null when not known.</param>
/// <param name="Letter">Their letter.</param>
/// <param name="Found">True when the text named them and the case file did not.</param>
internal sealed record PersonInDocument(string Name, PersonRole Role, string? Title, char Letter, bool Found)
{
    /// <summary>The folded words of their name, initials without their dots ("margaret", "ellis").</summary>
    public IReadOnlyList<string> Parts { get; } = [.. Name.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(p => WordLists.Fold(p.TrimEnd('.')))];

    /// <summary>What replaces their name: a child an initial only; an adult their title (as written where they were
    /// named, else as known) and letter: "Mrs B", "Dr D", or "C" when no title is known.</summary>
    public string Label(string? typedTitle) =>
        Role == PersonRole.Child ? Letter.ToString()
        : (typedTitle ?? Title) is { Length: > 0 } title ? $"{title} {Letter}"
        : Letter.ToString();
}

/// <summary>The people of one document and their letters. Letters go in order from B (A reads as the article), never
/// a person's own initials, never I or O (read as figures), and never twice.</summary>
internal sealed class Pseudonyms
{
    private const string Alphabet = "BCDEFGHJKLMNPRSTWXYZ";
    private readonly List<PersonInDocument> _people = [];

    public Pseudonyms(IEnumerable<KnownPerson> known)
    {
        // The complainant first, so that they have the first letter that is not theirs.
        foreach (var person in known.Where(p => !string.IsNullOrWhiteSpace(p.Name)).OrderBy(p => p.Role))
        {
            Add(person.Name.Trim(), person.Role, person.Title, found: false);
        }
    }

    public IReadOnlyList<PersonInDocument> People => _people;

    /// <summary>The person one of whose name's words this is, if any.</summary>
    public PersonInDocument? WithPart(string foldedWord) =>
        _people.FirstOrDefault(p => p.Parts.Count > 0 && (p.Parts[^1] == foldedWord || p.Parts[0] == foldedWord || p.Parts[^1].Split('-').Contains(foldedWord)));

    public PersonInDocument Add(string name, PersonRole role, string? title, bool found)
    {
        var initials = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(WordLists.Fold(w)[0])).ToHashSet();
        var used = _people.Select(p => p.Letter).ToHashSet();
        var letter = Alphabet.FirstOrDefault(l => !used.Contains(l) && !initials.Contains(l));
        letter = letter == default ? Alphabet.First(l => !initials.Contains(l)) : letter;
        var person = new PersonInDocument(name, role, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), letter, found);
        _people.Add(person);
        return person;
    }
}
