using Phso.Plugins.Abstractions;

namespace Glenmorven.ComplaintStandard;

/// <summary>NHS Glenmorven Health Board: the model complaints handling procedure's two stages, date questions for
/// them on the complaint form, and a short course for the board's complaint handlers.</summary>
public sealed class Plugin : IPartnerPlugin
{
    private const string Board = "NHS Glenmorven Health Board";
    private const string Stage1Response = "stage-1-response";
    private const string Escalated = "escalated-to-stage-2";

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddComplaintStandard(new Standard());
        registry.AddIntakeQuestions(new IntakeQuestionSet(
            [Board],
            [
                new IntakeQuestion(Stage1Response, "When did the board give its first (stage 1) response?", IntakeAnswerKind.Date,
                    Hint: "Leave it blank if your complaint went straight to an investigation."),
                new IntakeQuestion(Escalated, "When did you ask the board to investigate (stage 2)?", IntakeAnswerKind.Date,
                    Hint: "Leave it blank if your complaint went straight to an investigation."),
            ]));
        registry.AddCourse(new PluginCourse("courses/glenmorven-model-procedure", [Board]));
    }

    /// <summary>The model complaints handling procedure, as the board applies it.</summary>
    public sealed class Standard : IComplaintStandard
    {
        /// <inheritdoc />
        public ComplaintStandardDescription Describe() => new(
            "Model complaints handling procedure (NHS Scotland)",
            "Stage 1, frontline resolution: 5 working days, extendable by 5 where there is a good reason. Stage 2, investigation: acknowledge within 3 working days and respond within 20.",
            [Board],
            Nation.Scotland,
            [
                new StandardStage("Stage 1: frontline response", Milestones.Complained, Stage1Response, new Period(5, DayCounting.WorkingDays), new Period(5, DayCounting.WorkingDays)),
                new StandardStage("Stage 2: investigation response", Escalated, Milestones.FinalResponse, new Period(20, DayCounting.WorkingDays),
                    Note: "Counted from when the complainant asked for an investigation (or from the complaint, if it went straight to stage 2)."),
            ],
            ["Tell the complainant about the right to ask the ombudsman to look at the complaint after stage 2"]);

        /// <inheritdoc />
        public IReadOnlyList<StandardFinding> Assess(ComplaintHistory history)
        {
            ArgumentNullException.ThrowIfNull(history);
            return history.Dates.ContainsKey(Escalated) || !history.Dates.ContainsKey(Milestones.FinalResponse)
                ? []
                : [new StandardFinding("The complaint seems to have gone straight to stage 2: the stage 2 deadline cannot be measured without the date it was escalated.", null)];
        }
    }
}
