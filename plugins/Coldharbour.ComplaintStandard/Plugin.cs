using Phso.Plugins.Abstractions;

namespace Coldharbour.ComplaintStandard;

/// <summary>Coldharbour Teaching Hospitals NHS Trust: its complaint standard, two questions for the complaint form and
/// a short course on its local procedure for its complaint handlers.</summary>
public sealed class Plugin : IPartnerPlugin
{
    private const string Trust = "Coldharbour Teaching Hospitals NHS Trust";

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddComplaintStandard(new Standard());
        registry.AddIntakeQuestions(new IntakeQuestionSet(
            [Trust],
            [
                new IntakeQuestion("offered-discussion", "When the trust acknowledged your complaint, did it offer to discuss it with you?", IntakeAnswerKind.YesNo),
                new IntakeQuestion("agreed-timescale", "Did you agree with the trust how long its response would take?", IntakeAnswerKind.Text,
                    Hint: "For example: \"they said 40 working days\". Leave it blank if nothing was agreed."),
            ]));
        registry.AddCourse(new PluginCourse("courses/coldharbour-local-procedure", [Trust]));
    }

    /// <summary>The trust's standard, following the NHS complaints regulations.</summary>
    public sealed class Standard : IComplaintStandard
    {
        private const int SixMonths = 183;

        /// <inheritdoc />
        public ComplaintStandardDescription Describe() => new(
            "Coldharbour complaints policy",
            "Acknowledge within 3 working days and offer to discuss the complaint; respond within the period agreed with the complainant, and explain any delay beyond six months.",
            [Trust],
            Nation.EnglandAndWales,
            [
                new StandardStage("Acknowledge and offer a discussion", Milestones.Complained, Milestones.Acknowledged, new Period(3, DayCounting.WorkingDays)),
                new StandardStage("Final response", Milestones.Complained, Milestones.FinalResponse, new Period(SixMonths, DayCounting.CalendarDays),
                    Note: "Or the period agreed with the complainant; after six months the trust must write to explain the delay."),
            ],
            ["Offer to discuss the complaint when acknowledging it", "Agree with the complainant how long the response will take"]);

        /// <inheritdoc />
        public IReadOnlyList<StandardFinding> Assess(ComplaintHistory history)
        {
            ArgumentNullException.ThrowIfNull(history);
            var findings = new List<StandardFinding>();
            if (history.Answers.TryGetValue("offered-discussion", out var offered))
            {
                findings.Add(offered == "yes"
                    ? new StandardFinding("The complainant says the trust offered to discuss the complaint.", true)
                    : new StandardFinding("The complainant says the trust did not offer to discuss the complaint, which its policy requires.", false));
            }

            if (history.Dates.TryGetValue(Milestones.Complained, out var complained) && history.Dates.TryGetValue(Milestones.FinalResponse, out var responded)
                && responded.DayNumber - complained.DayNumber > SixMonths)
            {
                findings.Add(new StandardFinding("The final response took more than six months: the trust should have written to explain why.", null));
            }

            return findings;
        }
    }
}
