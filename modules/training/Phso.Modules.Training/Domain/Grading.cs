namespace Phso.Modules.Training.Domain;

/// <summary>Which attempt, or what of the attempts, makes a quiz's grade.</summary>
public enum GradingMethod
{
    Highest,
    Average,
    First,
    Last,
}

public static class QuizGrading
{
    /// <summary>The grade, as a percentage, from the attempts' scores in the order they were made; null before any.</summary>
    public static decimal? Grade(IReadOnlyList<decimal> attemptsInOrder, GradingMethod method)
    {
        ArgumentNullException.ThrowIfNull(attemptsInOrder);
        if (attemptsInOrder.Count == 0)
        {
            return null;
        }

        return method switch
        {
            GradingMethod.Highest => attemptsInOrder.Max(),
            GradingMethod.Average => Math.Round(attemptsInOrder.Average(), 2, MidpointRounding.AwayFromZero),
            GradingMethod.First => attemptsInOrder[0],
            GradingMethod.Last => attemptsInOrder[^1],
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    /// <summary>Passed when the grade reaches the pass mark: 70 passes a pass mark of 70.</summary>
    public static bool Passes(decimal? grade, decimal passMark) => grade is { } g && g >= passMark;
}
