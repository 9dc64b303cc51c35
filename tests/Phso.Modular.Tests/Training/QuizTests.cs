using Phso.Modules.Training.Domain;

namespace Phso.Modular.Tests.Training;

/// <summary>Grading methods, the pass mark, each question type's marking, and completion rules.</summary>
public sealed class QuizTests
{
    [Theory]
    [InlineData(GradingMethod.Highest, 80)]
    [InlineData(GradingMethod.Average, 60)]
    [InlineData(GradingMethod.First, 40)]
    [InlineData(GradingMethod.Last, 60)]
    public void Attempts_of_40_80_60_give_80_60_40_60_under_the_four_methods(GradingMethod method, int grade)
    {
        Assert.Equal(grade, QuizGrading.Grade([40, 80, 60], method));
    }

    [Fact]
    public void No_attempt_has_no_grade_and_does_not_pass_a_pass_mark_of_zero()
    {
        Assert.Null(QuizGrading.Grade([], GradingMethod.Highest));
        Assert.False(QuizGrading.Passes(null, 0));
    }

    [Theory]
    [InlineData(69.99, false)]
    [InlineData(70, true)]
    [InlineData(100, true)]
    public void The_pass_mark_is_compared_inclusively(decimal grade, bool passes) => Assert.Equal(passes, QuizGrading.Passes(grade, 70));

    private static Question Choice(QuestionType type, params (string Key, bool Correct)[] choices) =>
        new("q", type, "Which?", [.. choices.Select(c => new Choice(c.Key, c.Key, c.Correct))], [], [], null);

    [Fact]
    public void Single_choice_and_true_false_score_only_the_right_answer_alone()
    {
        var single = Choice(QuestionType.SingleChoice, ("a", false), ("b", true), ("c", false));
        Assert.Equal(1, single.Mark(Answer.Choose("b")));
        Assert.Equal(0, single.Mark(Answer.Choose("a")));
        Assert.Equal(0, single.Mark(Answer.Choose("a", "b")));
        Assert.Equal(0, single.Mark(Answer.Choose()));
        var truth = Choice(QuestionType.TrueFalse, ("true", false), ("false", true));
        Assert.Equal(1, truth.Mark(Answer.Choose("false")));
    }

    [Fact]
    public void Multiple_choice_gives_credit_for_each_right_choice_less_each_wrong_one_never_below_zero()
    {
        var question = Choice(QuestionType.MultipleChoice, ("a", true), ("b", true), ("c", false), ("d", false));
        Assert.Equal(1, question.Mark(Answer.Choose("a", "b")));
        Assert.Equal(0.5m, question.Mark(Answer.Choose("a")));
        Assert.Equal(0.5m, question.Mark(Answer.Choose("a", "b", "c")));
        Assert.Equal(0, question.Mark(Answer.Choose("a", "c", "d")));
        Assert.Equal(0, question.Mark(Answer.Choose("a", "b", "c", "d")));
    }

    [Fact]
    public void Short_answers_ignore_case_spacing_and_a_final_full_stop_but_not_spelling()
    {
        var question = new Question("q", QuestionType.ShortAnswer, "Name the duty.", [], ["Public sector equality duty", "PSED"], [], null);
        Assert.Equal(1, question.Mark(Answer.Type("  public   sector equality DUTY. ")));
        Assert.Equal(1, question.Mark(Answer.Type("psed")));
        Assert.Equal(0, question.Mark(Answer.Type("public sector equality")));
        Assert.Equal(0, question.Mark(Answer.Type("")));
    }

    [Fact]
    public void Matching_gives_a_share_for_each_pair_matched()
    {
        var question = new Question("q", QuestionType.Matching, "Match them.", [], [],
            [new("Welcoming complaints", "Promote"), new("Thorough and fair", "Investigate"), new("Learning culture", "Improve"), new("Accountable", "Explain")], null);
        var half = new Dictionary<string, string> { ["Welcoming complaints"] = "Promote", ["Thorough and fair"] = "Investigate", ["Learning culture"] = "Explain" };
        Assert.Equal(0.5m, question.Mark(Answer.Match(half)));
    }

    [Fact]
    public void An_attempt_scores_the_share_of_marks_as_a_percentage_and_unanswered_questions_score_nothing()
    {
        var quiz = new Quiz(
            [Choice(QuestionType.SingleChoice, ("a", true), ("b", false)) with { Key = "one" }, Choice(QuestionType.SingleChoice, ("a", true), ("b", false)) with { Key = "two" },
             Choice(QuestionType.MultipleChoice, ("a", true), ("b", true), ("c", false)) with { Key = "three" }],
            70, 3, GradingMethod.Highest, false);
        var (score, marks) = quiz.Mark(new Dictionary<string, Answer> { ["one"] = Answer.Choose("a"), ["three"] = Answer.Choose("a") });
        Assert.Equal(50, score);
        Assert.Equal(0, marks["two"]);
    }

    [Fact]
    public void A_quiz_that_cannot_be_marked_says_what_is_wrong_with_each_question()
    {
        var quiz = new Quiz([Choice(QuestionType.SingleChoice, ("a", true), ("b", true)), new Question("m", QuestionType.Matching, "Match", [], [], [new("x", "1")], null)], 120, 0, GradingMethod.Last, false);
        Assert.Equal(
            [
                "The pass mark must be between 0 and 100",
                "Allow at least one attempt, or leave the number of attempts empty for no limit",
                "Question \"q\": a single choice question needs at least two choices, exactly one of them correct",
                "Question \"m\": a matching question needs at least two pairs",
            ],
            quiz.Problems());
    }

    [Theory]
    [InlineData(true, true, true, true)]
    [InlineData(true, false, true, false)]
    [InlineData(true, true, false, false)]
    [InlineData(false, false, true, true)]
    [InlineData(false, true, false, true)]
    [InlineData(false, false, false, false)]
    public void Completion_needs_every_rule_under_all_and_one_under_any(bool requireAll, bool lessonsViewed, bool quizPassed, bool complete)
    {
        var criteria = new CompletionCriteria([CompletionRule.AllLessonsViewed, CompletionRule.QuizPassed], requireAll);
        Assert.Equal(complete, criteria.IsMet(lessonsViewed, quizPassed));
    }
}
