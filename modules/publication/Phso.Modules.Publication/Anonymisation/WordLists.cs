using System.Globalization;
using System.Text;

namespace Phso.Modules.Publication.Anonymisation;

/// <summary>The word lists shipped with the module (Data/SOURCES.md says where each comes from), loaded once. Every
/// list is kept folded (lower case, accents off) so that a look-up is one fold and one hash.</summary>
internal sealed class WordLists
{
    private static readonly Lazy<WordLists> Loaded = new(() => new WordLists());

    public static WordLists Shipped => Loaded.Value;

    private WordLists()
    {
        GivenNames = Read("given-names");
        Surnames = Read("surnames");
        CommonWords = Read("common-words");
        Places = Read("places");
        PlaceWords = Places.SelectMany(p => p.Split(' ')).ToHashSet(StringComparer.Ordinal);
        RareConditions = [.. Read("rare-conditions")];
    }

    /// <summary>Given names registered in England and Wales (ONS).</summary>
    public IReadOnlySet<string> GivenNames { get; }

    /// <summary>Common surnames in the UK.</summary>
    public IReadOnlySet<string> Surnames { get; }

    /// <summary>English words written in lower case (SCOWL's British list): a capitalised one is usually just the
    /// start of a sentence or part of a proper name that is not a person.</summary>
    public IReadOnlySet<string> CommonWords { get; }

    /// <summary>UK nations, regions, counties, cities and large towns.</summary>
    public IReadOnlySet<string> Places { get; }

    /// <summary>Each word of <see cref="Places"/>.</summary>
    public IReadOnlySet<string> PlaceWords { get; }

    /// <summary>Rare conditions, which with a small body may point to one person.</summary>
    public IReadOnlyList<string> RareConditions { get; }

    /// <summary>Lower case with accents taken off, one character for one (so positions in a folded text are the
    /// original's): "Zoë" and "ZOE" both fold to "zoe"; curly apostrophes become straight ones.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            folded.Append(FoldChar(c));
        }

        return folded.ToString();
    }

    private static char FoldChar(char c)
    {
        if (c is '’' or '‘')
        {
            return '\'';
        }

        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var letter = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark);
        return char.ToLowerInvariant(letter == default ? c : letter);
    }

    private static HashSet<string> Read(string name)
    {
        using var stream = typeof(WordLists).Assembly.GetManifestResourceStream($"Phso.Publication.{name}.txt")
            ?? throw new InvalidOperationException($"The anonymiser's word list '{name}' is not in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(Fold(line.Trim()));
            }
        }

        return words;
    }
}
