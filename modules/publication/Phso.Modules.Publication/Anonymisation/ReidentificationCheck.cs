using System.Text.RegularExpressions;

namespace Phso.Modules.Publication.Anonymisation;

/// <summary>
/// What is left that might still identify someone, for a publisher to look at before approval: capitalised words that
/// are not everyday words, places or the register's bodies (a name the detectors did not know); a listed given name
/// or surname in mid-sentence even when it is also an everyday word ("told Grace"); and, for a small body, any dated
/// event and any rare condition.
/// </summary>
internal static partial class ReidentificationCheck
{
    public static IReadOnlyList<ReidentificationFlag> Flags(string text, IReadOnlyList<(int Start, int End)> replaced, AnonymisationContext context)
    {
        var lists = WordLists.Shipped;
        var bodyWords = context.BodyNames.SelectMany(b => b.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(WordLists.Fold).ToHashSet();
        var flags = new List<ReidentificationFlag>();
        foreach (Match m in Capitalised().Matches(text))
        {
            if (replaced.Any(r => m.Index < r.End && m.Index + m.Length > r.Start))
            {
                continue;
            }

            var word = m.Groups["word"].Value;
            var folded = WordLists.Fold(word);
            if (word.Length == 1 || Titles.Contains(folded) || (word.All(c => char.IsUpper(c) || c == '-') && word.Length <= 6) || lists.PlaceWords.Contains(folded) || bodyWords.Contains(folded))
            {
                continue;
            }

            var listed = lists.GivenNames.Contains(folded) || lists.Surnames.Contains(folded);
            if (!lists.CommonWords.Contains(folded))
            {
                Add(flags, m.Index, word, listed ? "A given name or surname left in the text." : "A capitalised word that is not in the dictionary: it may be a name or a place that identifies someone.");
            }
            else if (listed && !StartsSentence(text, m.Index) && !NextIsCapitalised(text, m.Index + m.Length))
            {
                Add(flags, m.Index, word, "A given name or surname left in mid-sentence (also an everyday word: check which it is).");
            }
        }

        if (context.SmallBody)
        {
            foreach (Match m in MonthAndYear().Matches(text))
            {
                Add(flags, m.Index, m.Value, "The body has few decisions: a dated event may point to the person.");
            }

            var folded = WordLists.Fold(text);
            foreach (var condition in lists.RareConditions)
            {
                for (var at = folded.IndexOf(condition, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(condition, at + condition.Length, StringComparison.Ordinal))
                {
                    Add(flags, at, text.Substring(at, condition.Length), "A rare condition, with a body that has few decisions, may point to the person.");
                }
            }
        }

        return [.. flags.OrderBy(f => f.Start)];
    }

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "cllr", "rev" };

    private static void Add(List<ReidentificationFlag> flags, int start, string words, string reason)
    {
        // Words next to each other with the same reason are one flag ("Okonjo Adeyemi-Brown").
        if (flags.Count > 0 && flags[^1].Reason == reason && start - (flags[^1].Start + flags[^1].Length) == 1)
        {
            var previous = flags[^1];
            flags[^1] = previous with { Length = start + words.Length - previous.Start, Text = previous.Text + " " + words };
            return;
        }

        flags.Add(new ReidentificationFlag(start, words.Length, words, reason));
    }

    private static bool StartsSentence(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd(" \t\"'“‘(".AsSpan());
        return before.Length == 0 || ".!?:;\n\r-*#>|".Contains(before[^1], StringComparison.Ordinal);
    }

    private static bool NextIsCapitalised(string text, int end)
    {
        var after = text.AsSpan(end).TrimStart(' ');
        return after.Length > 0 && char.IsUpper(after[0]);
    }

    [GeneratedRegex(@"(?<![\p{L}\[])(?<word>[A-Z][\p{L}-]*)(?:['’]s)?(?![\p{L}])")]
    private static partial Regex Capitalised();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:19|20)\d{2}\b")]
    private static partial Regex MonthAndYear();
}
