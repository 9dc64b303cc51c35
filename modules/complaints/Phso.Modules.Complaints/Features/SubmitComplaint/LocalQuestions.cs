using MediatR;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Features.SubmitComplaint;

/// <summary>The partner plugins' questions about an organisation, as they stand now, keeping any answers already given
/// to the same question (same plugin and key).</summary>
internal static class LocalQuestionsFor
{
    public static async Task<List<LocalQuestion>> OrganisationAsync(IMediator mediator, string? organisationName, IReadOnlyList<LocalQuestion> earlier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(organisationName))
        {
            return [];
        }

        var asked = await mediator.Send(new GetIntakeQuestions(organisationName), cancellationToken);
        return
        [
            .. asked.Select(q =>
            {
                var before = earlier.FirstOrDefault(e => e.PluginId == q.PluginId && e.Key == q.Key);
                return new LocalQuestion
                {
                    PluginId = q.PluginId, PluginName = q.PluginName, Key = q.Key, Text = q.Text, Type = q.Type, Hint = q.Hint, Choices = [.. q.Choices],
                    Required = q.Required,
                    Answer = q.Type == IntakeAnswerType.Date ? null : before?.Answer,
                    Date = q.Type == IntakeAnswerType.Date ? before?.Date ?? new() : new(),
                };
            }),
        ];
    }

    /// <summary>A question already answered on a case, as the form's question, with a caseworker's correction.</summary>
    public static LocalQuestion Of(Domain.LocalAnswer answer, string? correctedAnswer, DateParts? correctedDate) => new()
    {
        PluginId = answer.PluginId, PluginName = answer.PluginName, Key = answer.Key, Text = answer.Question, Type = answer.Type,
        Choices = [.. (answer.Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)],
        Answer = answer.Type == IntakeAnswerType.Date ? null : correctedAnswer?.Trim(),
        Date = answer.Type == IntakeAnswerType.Date ? correctedDate ?? new DateParts() : new DateParts(),
    };

    /// <summary>The questions for the organisation the answers name (none for one not in the register).</summary>
    public static Task<List<LocalQuestion>> RefreshAsync(IMediator mediator, ComplaintAnswers answers, CancellationToken cancellationToken) =>
        OrganisationAsync(mediator, answers.NotListed ? null : answers.OrganisationName, answers.LocalQuestions, cancellationToken);
}
