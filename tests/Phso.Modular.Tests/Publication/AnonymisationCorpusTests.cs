using System.Globalization;
using System.Text;
using System.Text.Json;
using Phso.Modules.Publication.Anonymisation;
using Xunit.Abstractions;

namespace Phso.Modular.Tests.Publication;

/// <summary>
/// The anonymiser measured on the corpus (Publication/Corpus: 160 synthetic texts we wrote, every identifier marked),
/// through the command line's own reading and writing. An identifier counts as found when every letter and digit of
/// it is inside a change; a change counts as right when it touches a marked identifier. Recall must be 100% on the
/// direct identifiers; the whole table goes to the test output and to anonymisation-corpus-results.md beside the
/// test assembly.
/// </summary>
public sealed class AnonymisationCorpusTests(ITestOutputHelper output)
{
    private static readonly IdentifierKind[] Direct =
    [
        IdentifierKind.PersonName, IdentifierKind.NhsNumber, IdentifierKind.NationalInsuranceNumber, IdentifierKind.DateOfBirth,
        IdentifierKind.Address, IdentifierKind.Postcode, IdentifierKind.PhoneNumber, IdentifierKind.EmailAddress,
    ];

    private sealed record Marked(int Start, int Length, IdentifierKind Kind);

    [Fact]
    public async Task Recall_is_complete_on_direct_identifiers_and_precision_is_reported_per_kind()
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Publication", "Corpus", "anonymisation-corpus.jsonl");
        var outPath = Path.Combine(Path.GetTempPath(), $"phso-anonymised-{Guid.NewGuid():N}.jsonl");
        var (texts, problems) = await AnonymiseCommand.RunAsync(corpus, outPath, CancellationToken.None);
        Assert.Equal(0, problems);

        var inputs = File.ReadAllLines(corpus).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var outputs = File.ReadAllLines(outPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        File.Delete(outPath);
        Assert.True(texts >= 150, $"The corpus has {texts} texts; it should have at least 150.");
        Assert.Equal(inputs.Count, outputs.Count);

        var expected = new Dictionary<IdentifierKind, int>();
        var found = new Dictionary<IdentifierKind, int>();
        var changes = new Dictionary<IdentifierKind, int>();
        var right = new Dictionary<IdentifierKind, int>();
        var misses = new List<string>();
        var wrong = new List<string>();
        var handwritten = (Expected: 0, Found: 0, Changes: 0, Right: 0);
        for (var i = 0; i < inputs.Count; i++)
        {
            var byHand = inputs[i].TryGetProperty("handwritten", out var h) && h.GetBoolean();
            var text = inputs[i].GetProperty("text").GetString()!;
            var marked = inputs[i].GetProperty("identifiers").EnumerateArray()
                .Select(m => new Marked(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32(), Enum.Parse<IdentifierKind>(m.GetProperty("kind").GetString()!))).ToList();
            var made = outputs[i].GetProperty("changes").Deserialize<List<TextChange>>(AnonymiseCommand.Json)!;
            Assert.Equal(inputs[i].GetProperty("id").GetInt32(), outputs[i].GetProperty("id").GetInt32());

            foreach (var m in marked)
            {
                Bump(expected, m.Kind);
                var covered = Enumerable.Range(m.Start, m.Length).Where(p => char.IsLetterOrDigit(text[p])).All(p => made.Any(c => p >= c.Start && p < c.End));
                handwritten.Expected += byHand ? 1 : 0;
                if (covered)
                {
                    handwritten.Found += byHand ? 1 : 0;
                    Bump(found, m.Kind);
                }
                else
                {
                    misses.Add($"text {i + 1}: {m.Kind} \"{text.Substring(m.Start, m.Length)}\"");
                }
            }

            foreach (var c in made)
            {
                Bump(changes, c.Kind);
                handwritten.Changes += byHand ? 1 : 0;
                if (marked.Any(m => c.Start < m.Start + m.Length && m.Start < c.End))
                {
                    handwritten.Right += byHand ? 1 : 0;
                    Bump(right, c.Kind);
                }
                else
                {
                    wrong.Add($"text {i + 1}: {c.Kind} \"{c.Original}\"");
                }
            }
        }

        var table = Table(texts, expected, found, changes, right, misses, wrong)
            + $"\nOf which hand-written ({inputs.Count(i => i.TryGetProperty("handwritten", out _))} texts): {handwritten.Found} of {handwritten.Expected} identifiers found, {handwritten.Right} of {handwritten.Changes} changes right.\n";
        output.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "anonymisation-corpus-results.md"), table);

        foreach (var kind in Direct.Where(expected.ContainsKey))
        {
            Assert.True(found.GetValueOrDefault(kind) == expected[kind], $"Recall on {kind} is {found.GetValueOrDefault(kind)} of {expected[kind]}:\n{table}");
        }

        var precision = (double)right.Values.Sum() / Math.Max(1, changes.Values.Sum());
        Assert.True(precision >= 0.95, $"Precision over all changes is {precision:P1}, below 95%:\n{table}");
    }

    private static void Bump(Dictionary<IdentifierKind, int> counts, IdentifierKind kind) => counts[kind] = counts.GetValueOrDefault(kind) + 1;

    private static string Table(
        int texts, Dictionary<IdentifierKind, int> expected, Dictionary<IdentifierKind, int> found, Dictionary<IdentifierKind, int> changes,
        Dictionary<IdentifierKind, int> right, List<string> misses, List<string> wrong)
    {
        static string Percent(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        var table = new StringBuilder($"Anonymisation corpus: {texts} texts.\n\n| kind | marked | found | recall | changes | right | precision |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var kind in Enum.GetValues<IdentifierKind>().Where(k => expected.ContainsKey(k) || changes.ContainsKey(k)))
        {
            int e = expected.GetValueOrDefault(kind), f = found.GetValueOrDefault(kind), c = changes.GetValueOrDefault(kind), r = right.GetValueOrDefault(kind);
            table.Append(CultureInfo.InvariantCulture, $"| {kind} | {e} | {f} | {Percent(f, e)} | {c} | {r} | {Percent(r, c)} |\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"| all | {expected.Values.Sum()} | {found.Values.Sum()} | {Percent(found.Values.Sum(), expected.Values.Sum())} | {changes.Values.Sum()} | {right.Values.Sum()} | {Percent(right.Values.Sum(), changes.Values.Sum())} |\n");
        if (misses.Count > 0)
        {
            table.Append("\nMissed:\n").AppendJoin('\n', misses.Take(40)).Append('\n');
        }

        if (wrong.Count > 0)
        {
            table.Append("\nChanged though not marked:\n").AppendJoin('\n', wrong.Take(40)).Append('\n');
        }

        return table.ToString();
    }
}
