using MediatR;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Runtime;
using Phso.Plugins.Abstractions;

namespace Phso.Modules.Plugins.Features.Intake;

/// <summary>The extra complaint-form questions of the running plugins for an organisation. The questions were read
/// and checked when the plugin registered, so answering this calls no plugin code.</summary>
internal sealed class IntakeQuestionsHandler(PluginRuntime runtime) : IRequestHandler<GetIntakeQuestions, IReadOnlyList<IntakeQuestionAsked>>
{
    public Task<IReadOnlyList<IntakeQuestionAsked>> Handle(GetIntakeQuestions request, CancellationToken cancellationToken)
    {
        var organisation = request.OrganisationName.Trim();
        IReadOnlyList<IntakeQuestionAsked> questions =
        [
            .. from running in runtime.Running.OrderBy(r => r.Key, StringComparer.Ordinal)
               from set in running.Value.Intake
               where set.Organisations.Any(o => string.Equals(o.Trim(), organisation, StringComparison.OrdinalIgnoreCase))
               from question in set.Questions
               select new IntakeQuestionAsked(running.Key, runtime.NameOf(running.Key), question.Key, question.Text.Trim(), TypeOf(question.Kind),
                   string.IsNullOrWhiteSpace(question.Hint) ? null : question.Hint.Trim(), question.Choices ?? [], question.Required),
        ];
        return Task.FromResult(questions);
    }

    private static IntakeAnswerType TypeOf(IntakeAnswerKind kind) => kind switch
    {
        IntakeAnswerKind.YesNo => IntakeAnswerType.YesNo,
        IntakeAnswerKind.Choice => IntakeAnswerType.Choice,
        IntakeAnswerKind.Date => IntakeAnswerType.Date,
        _ => IntakeAnswerType.Text,
    };
}
