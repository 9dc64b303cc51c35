using Phso.Modules.Training.Domain;

namespace Phso.Modules.Training.ScaleData;

/// <summary>A quiz answered right, for the demo's and the scale data's learners who pass.</summary>
internal static class ModelAnswers
{
    public static Dictionary<string, Answer> For(Quiz quiz) => quiz.Questions.ToDictionary(q => q.Key, q => q.Type switch
    {
        QuestionType.MultipleChoice => Answer.Choose([.. q.Choices.Where(c => c.Correct).Select(c => c.Key)]),
        QuestionType.ShortAnswer => Answer.Type(q.AcceptedAnswers[0]),
        QuestionType.Matching => Answer.Match(q.Pairs.ToDictionary(p => p.Prompt, p => p.Answer)),
        _ => Answer.Choose(q.Choices.First(c => c.Correct).Key),
    });
}
