using System.Security.Cryptography;
using System.Text;

namespace Phso.Modules.Training.Domain;

public enum QuestionType
{
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    ShortAnswer,
    Matching,
}

/// <summary>A quiz: its questions, the pass mark (a percentage, compared inclusively), how many attempts, how the
/// attempts make the grade, and whether questions are shuffled for each attempt.</summary>
public sealed record Quiz(IReadOnlyList<Question> Questions, decimal PassMark, int? MaxAttempts, GradingMethod Grading, bool Shuffle)
{
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Questions.Count == 0)
        {
            problems.Add("Add at least one question to the quiz");
        }

        if (PassMark is < 0 or > 100)
        {
            problems.Add("The pass mark must be between 0 and 100");
        }

        if (MaxAttempts is < 1)
        {
            problems.Add("Allow at least one attempt, or leave the number of attempts empty for no limit");
        }

        for (var n = 0; n < Questions.Count; n++)
        {
            if (string.IsNullOrWhiteSpace(Questions[n].Key))
            {
                problems.Add($"Question {n + 1} needs a \"key\"");
            }
        }

        foreach (var duplicate in Questions.Where(q => !string.IsNullOrWhiteSpace(q.Key)).GroupBy(q => q.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Two questions have the key \"{duplicate.Key}\"; each question needs its own");
        }

        problems.AddRange(Questions.SelectMany(q => q.Problems().Select(p => $"Question \"{q.Key}\": {p}")));
        return problems;
    }

    /// <summary>The questions in the order one attempt asks them: as written, or when <see cref="Shuffle"/> is set an
    /// order fixed for the attempt (so a page shown again, and the attempt's result, keep it) and different from one
    /// attempt to the next.</summary>
    public IReadOnlyList<Question> AsAsked(Guid recordId, int attempt) => !Shuffle ? Questions :
        [.. Questions.OrderBy(q => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{recordId}:{attempt}:{q.Key}"))), StringComparer.Ordinal)];

    /// <summary>Marks an attempt: a percentage, and each question's mark (0 to 1).</summary>
    public (decimal Score, IReadOnlyDictionary<string, decimal> Marks) Mark(IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var marks = Questions.ToDictionary(q => q.Key, q => answers.TryGetValue(q.Key, out var answer) ? q.Mark(answer) : 0m, StringComparer.Ordinal);
        var score = Questions.Count == 0 ? 0 : Math.Round(100m * marks.Values.Sum() / Questions.Count, 2, MidpointRounding.AwayFromZero);
        return (score, marks);
    }
}

/// <summary>An option of a choice question.</summary>
public sealed record Choice(string Key, string Text, bool Correct);

/// <summary>A matching pair: the prompt and the answer that goes with it.</summary>
public sealed record MatchPair(string Prompt, string Answer);

/// <summary>One question. Which parts apply depends on <see cref="Type"/>: choices for the choice types (true/false
/// has "true" and "false"), accepted answers for short answer, pairs for matching.</summary>
public sealed record Question(
    string Key, QuestionType Type, string Text, IReadOnlyList<Choice> Choices, IReadOnlyList<string> AcceptedAnswers, IReadOnlyList<MatchPair> Pairs,
    string? Feedback)
{
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Text))
        {
            problems.Add("enter the question");
        }

        // A choice's key is the value the quiz page sends when it is chosen: an empty or repeated key would make
        // choices indistinguishable, and an unanswered question could be marked as right.
        if (Type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.TrueFalse)
        {
            for (var n = 0; n < Choices.Count; n++)
            {
                if (string.IsNullOrWhiteSpace(Choices[n].Key))
                {
                    problems.Add($"choice {n + 1} needs a \"key\", the value recorded when it is chosen (for example \"a\" or \"nine\")");
                }
                else if (Choices[n].Key.Length > MaxKeyLength || Choices[n].Key.Any(char.IsWhiteSpace))
                {
                    problems.Add($"choice {n + 1} has the key \"{Choices[n].Key}\": a key is 1 to {MaxKeyLength} characters without spaces");
                }

                if (string.IsNullOrWhiteSpace(Choices[n].Text))
                {
                    problems.Add($"choice {n + 1} needs its \"text\"");
                }
            }

            foreach (var duplicate in Choices.Where(c => !string.IsNullOrWhiteSpace(c.Key)).GroupBy(c => c.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"two choices have the key \"{duplicate.Key}\"; each choice needs its own");
            }
        }

        var correct = Choices.Count(c => c.Correct);
        problems.AddRange(Type switch
        {
            QuestionType.SingleChoice when Choices.Count < 2 || correct != 1 => ["a single choice question needs at least two choices, exactly one of them correct"],
            QuestionType.MultipleChoice when Choices.Count < 2 || correct < 1 => ["a multiple choice question needs at least two choices, at least one of them correct"],
            QuestionType.TrueFalse when Choices.Count != 2 || correct != 1 => ["a true or false question needs the choices true and false, one of them correct"],
            QuestionType.ShortAnswer when AcceptedAnswers.All(string.IsNullOrWhiteSpace) => ["a short answer question needs at least one accepted answer"],
            QuestionType.Matching when Pairs.Count < 2 => ["a matching question needs at least two pairs"],
            QuestionType.Matching when Pairs.Any(p => string.IsNullOrWhiteSpace(p.Prompt) || string.IsNullOrWhiteSpace(p.Answer)) => ["each pair of a matching question needs a \"prompt\" and an \"answer\""],
            QuestionType.Matching when Pairs.Select(p => p.Answer).Distinct(StringComparer.Ordinal).Count() != Pairs.Count => ["each answer of a matching question must be different"],
            QuestionType.Matching when Pairs.Select(p => p.Prompt).Distinct(StringComparer.Ordinal).Count() != Pairs.Count => ["each prompt of a matching question must be different"],
            _ => [],
        });
        return problems;
    }

    /// <summary>The longest key a question or choice may have.</summary>
    public const int MaxKeyLength = 60;

    /// <summary>This question's mark for an answer, from 0 to 1. Multiple choice gives partial credit as Moodle does
    /// (each right choice adds, each wrong one takes away, never below 0); matching gives a share per pair.</summary>
    public decimal Mark(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        switch (Type)
        {
            // Whatever is stored, an empty or unknown value never counts: an unanswered question is never right.
            case QuestionType.SingleChoice or QuestionType.TrueFalse:
                return answer.Chosen is [var only] && !string.IsNullOrWhiteSpace(only) && Choices.Count(c => c.Key == only) == 1 && Choices.Single(c => c.Key == only).Correct ? 1 : 0;
            case QuestionType.MultipleChoice:
                var right = Choices.Where(c => c.Correct && !string.IsNullOrWhiteSpace(c.Key)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
                var chosen = answer.Chosen.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
                if (right.Count == 0 || chosen.Count == 0)
                {
                    return 0;
                }

                var credit = (chosen.Count(right.Contains) - chosen.Count(c => !right.Contains(c))) / (decimal)right.Count;
                return Math.Round(Math.Max(0, credit), 4);
            case QuestionType.ShortAnswer:
                var given = Normalise(answer.Text);
                return given.Length > 0 && AcceptedAnswers.Any(a => Normalise(a) == given) ? 1 : 0;
            case QuestionType.Matching:
                var matched = Pairs.Count(p => !string.IsNullOrWhiteSpace(p.Answer) && answer.Matches.TryGetValue(p.Prompt, out var a) && a == p.Answer);
                return Pairs.Count == 0 ? 0 : Math.Round(matched / (decimal)Pairs.Count, 4);
            default:
                return 0;
        }
    }

    /// <summary>Case, surrounding spaces, repeated spaces and a final full stop do not matter in a short answer.</summary>
    private static string Normalise(string? text) =>
        string.Join(' ', (text ?? "").Trim().TrimEnd('.').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}

/// <summary>A learner's answer to one question: the choices ticked, the text typed, or the answer matched to each prompt.</summary>
public sealed record Answer(IReadOnlyList<string> Chosen, string? Text, IReadOnlyDictionary<string, string> Matches)
{
    public static Answer Choose(params string[] keys) => new(keys, null, new Dictionary<string, string>());

    public static Answer Type(string text) => new([], text, new Dictionary<string, string>());

    public static Answer Match(IReadOnlyDictionary<string, string> matches) => new([], null, matches);
}
