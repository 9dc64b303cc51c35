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

        foreach (var duplicate in Questions.GroupBy(q => q.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Two questions have the key \"{duplicate.Key}\"; each question needs its own");
        }

        problems.AddRange(Questions.SelectMany(q => q.Problems().Select(p => $"Question \"{q.Key}\": {p}")));
        return problems;
    }

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
        var correct = Choices.Count(c => c.Correct);
        return Type switch
        {
            QuestionType.SingleChoice when Choices.Count < 2 || correct != 1 => ["a single choice question needs at least two choices, exactly one of them correct"],
            QuestionType.MultipleChoice when Choices.Count < 2 || correct < 1 => ["a multiple choice question needs at least two choices, at least one of them correct"],
            QuestionType.TrueFalse when Choices.Count != 2 || correct != 1 => ["a true or false question needs the choices true and false, one of them correct"],
            QuestionType.ShortAnswer when AcceptedAnswers.All(string.IsNullOrWhiteSpace) => ["a short answer question needs at least one accepted answer"],
            QuestionType.Matching when Pairs.Count < 2 => ["a matching question needs at least two pairs"],
            QuestionType.Matching when Pairs.Select(p => p.Answer).Distinct(StringComparer.Ordinal).Count() != Pairs.Count => ["each answer of a matching question must be different"],
            _ when string.IsNullOrWhiteSpace(Text) => ["enter the question"],
            _ => [],
        };
    }

    /// <summary>This question's mark for an answer, from 0 to 1. Multiple choice gives partial credit as Moodle does
    /// (each right choice adds, each wrong one takes away, never below 0); matching gives a share per pair.</summary>
    public decimal Mark(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        switch (Type)
        {
            case QuestionType.SingleChoice or QuestionType.TrueFalse:
                return answer.Chosen is [var only] && Choices.Any(c => c.Key == only && c.Correct) ? 1 : 0;
            case QuestionType.MultipleChoice:
                var right = Choices.Where(c => c.Correct).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
                var chosen = answer.Chosen.Distinct(StringComparer.Ordinal).ToList();
                var credit = (chosen.Count(right.Contains) - chosen.Count(c => !right.Contains(c))) / (decimal)right.Count;
                return Math.Round(Math.Max(0, credit), 4);
            case QuestionType.ShortAnswer:
                var given = Normalise(answer.Text);
                return given.Length > 0 && AcceptedAnswers.Any(a => Normalise(a) == given) ? 1 : 0;
            case QuestionType.Matching:
                var matched = Pairs.Count(p => answer.Matches.TryGetValue(p.Prompt, out var a) && a == p.Answer);
                return Math.Round(matched / (decimal)Pairs.Count, 4);
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
