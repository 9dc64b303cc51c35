using System.Text;

namespace Phso.Modules.Publication.Anonymisation;

/// <summary>
/// The anonymisation pipeline: every detector reads the original text, overlapping findings are joined, the text is
/// rewritten with each change recorded in the original's positions, then the re-identification check reads what is
/// left. One <see cref="AnonymisedDocument"/> per published decision, so a person keeps their letter in every field.
/// </summary>
internal static class Anonymiser
{
    /// <summary>Starts a document: the people of the case get their letters now, the complainant first.</summary>
    public static AnonymisedDocument Start(AnonymisationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AnonymisedDocument(context);
    }

    /// <summary>One text on its own (the command line's way).</summary>
    public static AnonymisedText Anonymise(string text, AnonymisationContext context) => Start(context).Anonymise(text);
}

/// <summary>The texts of one document, anonymised with the same letters throughout.</summary>
internal sealed class AnonymisedDocument
{
    private readonly AnonymisationContext _context;
    private readonly Pseudonyms _people;

    internal AnonymisedDocument(AnonymisationContext context)
    {
        _context = context;
        _people = new Pseudonyms(context.KnownPeople);
    }

    /// <summary>Who has which letter so far ("Margaret Ellis" is "Mrs B").</summary>
    public IReadOnlyList<(string Name, string Pseudonym, bool FoundInText)> People =>
        [.. _people.People.Select(p => (p.Name, p.Label(null), p.Found))];

    public AnonymisedText Anonymise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = NumbersAndContacts.Find(text)
            .Concat(DatesAndAges.Find(text))
            .Concat(PersonNames.Find(text, _people, _context))
            .ToList();
        var changes = Join(findings).Select(f => new TextChange(f.Start, f.Length, text.Substring(f.Start, f.Length), f.Replacement, f.Kind, f.Reason)).ToList();

        var rewritten = new StringBuilder(text.Length);
        var at = 0;
        var replaced = new List<(int Start, int End)>();
        foreach (var change in changes)
        {
            rewritten.Append(text, at, change.Start - at);
            replaced.Add((rewritten.Length, rewritten.Length + change.Replacement.Length));
            rewritten.Append(change.Replacement);
            at = change.End;
        }

        rewritten.Append(text, at, text.Length - at);
        var result = rewritten.ToString();
        return new AnonymisedText(text, result, changes, ReidentificationCheck.Flags(result, replaced, _context));
    }

    /// <summary>Overlapping findings become one change over both (nothing of either is left showing), taking the
    /// replacement of the stronger: the higher priority, then the longer.</summary>
    private static List<Finding> Join(List<Finding> findings)
    {
        var joined = new List<Finding>();
        foreach (var finding in findings.OrderBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (joined.Count > 0 && finding.Start < joined[^1].End)
            {
                var previous = joined[^1];
                var stronger = finding.Priority > previous.Priority || (finding.Priority == previous.Priority && finding.Length > previous.Length) ? finding : previous;
                var end = Math.Max(previous.End, finding.End);
                joined[^1] = stronger with { Start = previous.Start, Length = end - previous.Start };
            }
            else
            {
                joined.Add(finding);
            }
        }

        return joined;
    }
}
