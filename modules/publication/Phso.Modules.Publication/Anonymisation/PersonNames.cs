using System.Text.RegularExpressions;

namespace Phso.Modules.Publication.Anonymisation;

/// <summary>
/// People's names. First the text is read for names the case file does not hold (a title or a clinical job title
/// followed by a name; a registered given name with a surname; a registered given name or a listed surname alone),
/// and each becomes a person of the document. Then every form of every person's name is found: full, first and last,
/// initial and last, last alone, first alone; with or without a title; in any case and with or without accents;
/// possessives keep their "'s" after the pseudonym.
/// </summary>
internal static partial class PersonNames
{
    private const string Honorifics = "Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Prof|Professor|Sir|Dame|Lady|Lord|Nurse|Sister|Matron|Midwife|Councillor|Cllr|Reverend|Rev|Father";
    private const string JobTitles = "staff nurse|charge nurse|health visitor|social worker|healthcare assistant|care assistant|care worker|ward manager|practice manager|complaints manager|consultant|surgeon|registrar|paramedic|pharmacist|physiotherapist|anaesthetist|radiographer|receptionist|therapist|midwife|nurse|GP|carer|matron|sister|dentist|optometrist|caseworker|investigator";
    private const string NameWord = @"[A-Z\p{Lu}][\p{L}'’-]*\p{L}";

    /// <summary>Particles that belong to a surname: "Ní Bhriain", "van der Merwe", "al-Amin" (hyphenated ones are one word).</summary>
    private const string Particles = "Ní|Nic|Ó|Ua|Mac|Mc|de|De|da|di|du|van|Van|von|der|den|le|La|la|al|el|bin|ben|ap";

    private const string FullName = NameWord + @"(?:\s+(?:(?:" + Particles + @")\s+)*" + NameWord + "){0,2}";

    private static readonly HashSet<string> ParticleWords = new(Particles.Split('|').Select(WordLists.Fold), StringComparer.Ordinal);

    /// <summary>Words that end a name: what follows is a place or an organisation, not a person.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "hospital", "hospitals", "trust", "nhs", "ward", "unit", "surgery", "practice", "centre", "center", "clinic", "council",
        "foundation", "department", "service", "services", "team", "university", "college", "school", "infirmary", "hospice",
        "house", "home", "lodge", "court", "road", "street", "lane", "avenue", "board", "group", "partnership", "health",
        "care", "medical", "institute", "ombudsman", "office", "agency", "authority", "commission", "ministry", "the", "a",
        "an", "and", "of", "on", "in", "at", "to", "for", "this", "that", "these", "those", "we", "they", "he", "she", "it",
        "his", "her", "their", "our", "i", "when", "after", "before", "during", "while", "however", "although", "because",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
    };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    public static IEnumerable<Finding> Find(string text, Pseudonyms people, AnonymisationContext context)
    {
        Discover(text, people, context);
        var folded = WordLists.Fold(text);
        foreach (var person in people.People)
        {
            foreach (Match m in FormsOf(person).Matches(folded))
            {
                var name = m.Groups["name"];
                if (name.Value.Contains(' ', StringComparison.Ordinal) || Accept(text, name.Index, name.Value))
                {
                    var title = m.Groups["title"];
                    var typedTitle = title.Success ? text.Substring(title.Index, title.Length) : null;
                    yield return new(m.Index, m.Length, IdentifierKind.PersonName, person.Label(typedTitle),
                        person.Found ? "A person's name found in the text." : $"A name in the case file ({Describe(person.Role)}).", 1);
                }
            }
        }
    }

    /// <summary>A one-word form that is also an everyday word ("Grace", "Mark", "Brown") counts only when written with a
    /// capital; one that is also a month ("April", "June") not when it is part of a date.</summary>
    private static bool Accept(string text, int index, string foldedWord)
    {
        if (Months.Contains(foldedWord) && (DigitBefore(text, index)
            || NextWord().Match(text, index + foldedWord.Length) is { Success: true } next && next.Groups["word"].Value.All(char.IsAsciiDigit)))
        {
            return false;
        }

        return !WordLists.Shipped.CommonWords.Contains(foldedWord) || char.IsUpper(text[index]);
    }

    private static bool DigitBefore(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd();
        return before.Length > 0 && char.IsAsciiDigit(before[^1]) || before.EndsWith("st") || before.EndsWith("nd") || before.EndsWith("rd") || before.EndsWith("th");
    }

    private static string Describe(PersonRole role) => role switch
    {
        PersonRole.Complainant => "the complainant",
        PersonRole.Representative => "the complainant's representative",
        PersonRole.Child => "a child",
        PersonRole.Staff => "a member of staff",
        _ => "a person named in the case",
    };

    private static Regex FormsOf(PersonInDocument person)
    {
        var parts = person.Parts.Where(p => p.Length > 0).ToList();
        var forms = new HashSet<string>(StringComparer.Ordinal) { string.Join(' ', person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(WordLists.Fold)) };
        if (parts.Count > 0)
        {
            // The surname with its particles: "ní bhriain", "van der merwe".
            var from = parts.Count - 1;
            while (from > 1 && ParticleWords.Contains(parts[from - 1]))
            {
                from--;
            }

            var last = string.Join(' ', parts.Skip(from));
            forms.Add(last);
            foreach (var piece in parts[^1].Split('-').Where(p => p.Length >= 3))
            {
                forms.Add(piece);
            }

            if (parts.Count > 1)
            {
                var first = parts[0];
                forms.Add($"{first} {last}");
                forms.Add($"{first[0]}. {last}");
                forms.Add($"{first[0]} {last}");
                forms.Add($"{first[0]}.{last}");
                if (first.Length >= 3)
                {
                    forms.Add(first);
                }
            }
        }

        var alternatives = string.Join('|', forms.OrderByDescending(f => f.Length).Select(Regex.Escape));
        return new Regex($@"(?<![\p{{L}}'])(?:(?<title>(?:{Honorifics.ToLowerInvariant()}|{JobTitles.ToLowerInvariant()})\.?)\s+)?(?<name>{alternatives})(?![\p{{L}}])",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
    }

    private static void Discover(string text, Pseudonyms people, AnonymisationContext context)
    {
        var lists = WordLists.Shipped;
        var bodyWords = context.BodyNames.SelectMany(b => b.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(WordLists.Fold).ToHashSet();

        foreach (Match m in TitledName().Matches(text))
        {
            var words = NameWords(m.Groups["name"].Value);
            if (words.Count > 0)
            {
                AddIfNew(people, string.Join(' ', words), Honorific(m.Groups["title"].Value));
            }
        }

        foreach (Match m in GivenAndSurname().Matches(text))
        {
            var first = WordLists.Fold(m.Groups["first"].Value);
            var last = WordLists.Fold(m.Groups["last"].Value);
            if (lists.GivenNames.Contains(first) && LooksLikeSurname(last, bodyWords) && !lists.PlaceWords.Contains(first) && !bodyWords.Contains(first)
                && !EndsBeforeOrganisation(text, m.Index + m.Length))
            {
                AddIfNew(people, $"{m.Groups["first"].Value} {m.Groups["last"].Value}", null);
            }
        }

        foreach (Match m in CapitalisedWord().Matches(text))
        {
            var word = WordLists.Fold(m.Value.EndsWith("'s", StringComparison.Ordinal) || m.Value.EndsWith("’s", StringComparison.Ordinal) ? m.Value[..^2] : m.Value);
            var listed = lists.GivenNames.Contains(word) || lists.Surnames.Contains(word);
            // Alone means alone: one followed by another capitalised word is part of a longer proper name ("Florence
            // Nightingale Hospital", "Victoria Ward"), which the pair rule above has already judged.
            if (listed && !lists.CommonWords.Contains(word) && !lists.PlaceWords.Contains(word) && !bodyWords.Contains(word) && !NotNames.Contains(word)
                && !NextIsCapitalised(text, m.Index + m.Length))
            {
                AddIfNew(people, m.Value.EndsWith('s') && word.Length < m.Value.Length ? m.Value[..^2] : m.Value, null);
            }
        }
    }

    private static bool LooksLikeSurname(string folded, HashSet<string> bodyWords) =>
        !NotNames.Contains(folded) && !bodyWords.Contains(folded) && !WordLists.Shipped.PlaceWords.Contains(folded)
        && (WordLists.Shipped.Surnames.Contains(folded) || !WordLists.Shipped.CommonWords.Contains(folded));

    private static bool NextIsCapitalised(string text, int end) =>
        NextWord().Match(text, end) is { Success: true } next && char.IsUpper(next.Groups["word"].Value[0]);

    private static bool EndsBeforeOrganisation(string text, int end)
    {
        var next = NextWord().Match(text, end);
        return next.Success && NotNames.Contains(WordLists.Fold(next.Groups["word"].Value)) && char.IsUpper(next.Groups["word"].Value[0]);
    }

    /// <summary>The words of a name after a title, up to the first that is not part of a name.</summary>
    private static List<string> NameWords(string name)
    {
        var words = new List<string>();
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = WordLists.Fold(word.TrimEnd('.'));
            var isInitial = word.TrimEnd('.').Length == 1;
            if (ParticleWords.Contains(folded) && words.Count > 0)
            {
                words.Add(word);
                continue;
            }

            if (!isInitial && (NotNames.Contains(folded) || (words.Count > 0 && WordLists.Shipped.CommonWords.Contains(folded) && !WordLists.Shipped.Surnames.Contains(folded))))
            {
                break;
            }

            words.Add(word);
        }

        while (words.Count > 0 && ParticleWords.Contains(WordLists.Fold(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        // Initials alone ("Dr A.") are not enough to find the person again.
        return words.Any(w => w.TrimEnd('.').Length > 1) ? words : [];
    }

    /// <summary>The honorific a person goes by ("Dr" from "Consultant Dr"), never a job title: "the consultant,
    /// Jane Roberts" is plain "B" when she is named again without it.</summary>
    private static string? Honorific(string titles) =>
        titles.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault(HonorificWords.Contains);

    private static readonly HashSet<string> HonorificWords = new(Honorifics.Split('|'), StringComparer.Ordinal);

    private static void AddIfNew(Pseudonyms people, string name, string? title)
    {
        var surname = WordLists.Fold(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('.'));
        if (people.WithPart(surname) is null)
        {
            people.Add(name, PersonRole.Other, title, found: true);
        }
    }

    [GeneratedRegex(@"\b(?<title>(?:(?:" + Honorifics + @")\.?\s+|(?i:" + JobTitles + @"),?\s+)+)(?<name>(?:[A-Z]\.?\s+){0,2}" + FullName + ")")]
    private static partial Regex TitledName();

    [GeneratedRegex(@"\b(?<first>" + NameWord + @")\s+(?<last>" + NameWord + @")\b")]
    private static partial Regex GivenAndSurname();

    [GeneratedRegex(@"\b" + NameWord + @"(?:['’]s)?\b")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"\G\s+(?<word>[\p{L}\d]+)")]
    private static partial Regex NextWord();
}
