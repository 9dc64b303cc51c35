using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Learning;

/// <summary>One of the signed-in person's quiz attempts on their current record, with the questions as asked.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetAttempt(Guid CourseId, int Number) : IQuery<AttemptResult?>;

public sealed record AttemptResult(
    Guid CourseId, string CourseTitle, int Number, decimal Score, decimal PassMark, decimal? Grade, GradingMethod Grading, bool Passed, EnrolmentStatus Status, int? AttemptsLeft,
    IReadOnlyList<(Question Question, Answer? Answer, decimal Mark)> Questions, string? CertificateCode);

internal sealed class GetAttemptHandler(TrainingDbContext db, LearnerRecords learner) : IRequestHandler<GetAttempt, AttemptResult?>
{
    public async Task<AttemptResult?> Handle(GetAttempt request, CancellationToken cancellationToken)
    {
        var record = await learner.Current(request.CourseId).AsNoTracking().Include(e => e.Attempts).SingleOrDefaultAsync(cancellationToken);
        if (record?.Attempts.SingleOrDefault(a => a.Number == request.Number) is not { } attempt)
        {
            return null;
        }

        var content = (await db.CourseVersions.AsNoTracking().SingleAsync(v => v.Id == record.CourseVersionId, cancellationToken)).Content;
        var quiz = content.Quiz!;
        var certificate = record.Status == EnrolmentStatus.Completed
            ? await db.Certificates.AsNoTracking().Where(c => c.EnrolmentId == record.Id).Select(c => c.Code).SingleOrDefaultAsync(cancellationToken)
            : null;
        var answers = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Answer>>(attempt.AnswersJson, CourseVersion.Json) ?? [];
        var marks = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, decimal>>(attempt.MarksJson, CourseVersion.Json) ?? [];
        return new AttemptResult(
            request.CourseId, content.Title, attempt.Number, attempt.Score, quiz.PassMark, record.Grade, quiz.Grading, QuizGrading.Passes(attempt.Score, quiz.PassMark), record.Status,
            record.AttemptsLeft(content),
            [.. quiz.AsAsked(record.Id, attempt.Number).Select(q => (q, answers.GetValueOrDefault(q.Key), marks.GetValueOrDefault(q.Key)))], certificate);
    }
}
