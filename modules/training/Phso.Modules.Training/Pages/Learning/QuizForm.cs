using Phso.Modules.Training.Domain;

namespace Phso.Modules.Training.Pages.Learning;

/// <summary>How the quiz page names its fields and reads them back: <c>q-{key}</c> for choices and text,
/// <c>q-{key}-{n}</c> for the n-th prompt of a matching question.</summary>
public static class QuizForm
{
    public static string Field(Question question) => $"q-{question?.Key}";

    public static string FieldId(Question question) => question?.Type == QuestionType.Matching ? $"{Field(question)}-0" : $"{Field(question!)}";

    public static IReadOnlyDictionary<string, Answer> Read(IFormCollection form, IReadOnlyList<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(questions);
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var field = Field(question);
            switch (question.Type)
            {
                case QuestionType.ShortAnswer:
                    if (form[field].ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
                    {
                        answers[question.Key] = Answer.Type(text.Length > 500 ? text[..500] : text);
                    }

                    break;
                case QuestionType.Matching:
                    var matches = question.Pairs.Select((p, i) => (p.Prompt, Chosen: form[$"{field}-{i}"].ToString()))
                        .Where(m => !string.IsNullOrWhiteSpace(m.Chosen)).ToDictionary(m => m.Prompt, m => m.Chosen, StringComparer.Ordinal);
                    if (matches.Count == question.Pairs.Count)
                    {
                        answers[question.Key] = Answer.Match(matches);
                    }

                    break;
                default:
                    var chosen = form[field].Where(v => !string.IsNullOrWhiteSpace(v) && question.Choices.Any(c => c.Key == v)).Select(v => v!).Distinct().ToArray();
                    if (chosen.Length > 0)
                    {
                        answers[question.Key] = Answer.Choose(chosen);
                    }

                    break;
            }
        }

        return answers;
    }

    /// <summary>The answers offered for every prompt of a matching question, in alphabetical order so the order gives nothing away.</summary>
    public static IReadOnlyList<string> MatchOptions(Question question) => [.. (question?.Pairs ?? []).Select(p => p.Answer).Order(StringComparer.Ordinal)];
}
