using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Persistence;
using Phso.Modules.Training.Contracts;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Features.ReadRecommendations;

/// <summary>A recommendation as the pages and the API show it, with its history and evidence files. The moves open
/// from its status come from the state machine's table, never worked out again by a view.</summary>
public sealed record RecommendationView(
    Guid Id, string CaseReference, Guid OrganisationId, string BodyName, RecommendationKind Kind, RecommendationCategory Category, decimal? Amount,
    string Text, string EvidenceExpected, DateOnly DecisionDate, DateOnly DueOn, RecommendationStatus Status, string CaseworkerName,
    DateTimeOffset? IssuedAt, DateOnly? FinishedOn, string? RefusalReason, string? AlternativeAgreed, int Version, bool IsOverdue, bool EvidenceIsLate,
    DateOnly? EscalatedOn, bool? ReportPublicly, string? PublicReportReason, DateOnly? PublicReportDecidedOn,
    IReadOnlyList<StepView> Steps, IReadOnlyList<EvidenceFileView> Files)
{
    /// <summary>For staff training that names a course: the course, the handlers named, and (on a single
    /// recommendation's page) their progress as the training module has it now.</summary>
    public RecommendedTraining? Training { get; init; }

    public IReadOnlyList<RecommendationMove> OpenMoves => [.. RecommendationMoves.OpenFrom(Status)];

    public bool Allows(RecommendationMove move) => RecommendationMoves.Allows(move, Status);
}

/// <summary>The course a staff training recommendation names and the handlers who must take it.</summary>
/// <param name="CourseId">The course.</param>
/// <param name="CourseTitle">Its title when the draft was written.</param>
/// <param name="TraineeIds">The handlers named.</param>
/// <param name="Progress">Their completions now, when read for one recommendation (null in lists, or before it is issued).</param>
public sealed record RecommendedTraining(Guid CourseId, string CourseTitle, IReadOnlyList<Guid> TraineeIds, TrainingProgress? Progress);

/// <summary>One step of the history, newest last.</summary>
public sealed record StepView(Guid Id, DateTimeOffset At, string ActorName, RecommendationMove Move, RecommendationStatus From, RecommendationStatus To, string? Note);

/// <summary>A file the body sent, and the step it came with.</summary>
public sealed record EvidenceFileView(Guid Id, Guid StepId, string FileName, string ContentType, long Size);

/// <summary>A recommendation in a list.</summary>
public sealed record RecommendationLine(
    Guid Id, string CaseReference, string BodyName, RecommendationKind Kind, RecommendationCategory Category, string Text, DateOnly DueOn,
    RecommendationStatus Status, bool IsOverdue, DateOnly? EscalatedOn, bool? ReportPublicly);

/// <summary>A page of a list and how many matched in all.</summary>
public sealed record RecommendationLinePage(IReadOnlyList<RecommendationLine> Items, int Total, int Page, int PageSize);

internal static class RecommendationViews
{
    public const int PageSize = 50;

    public static RecommendationSummary Summary(Recommendation r) =>
        new(r.Id, r.CaseReference, r.Kind, r.Category, r.Text, r.Amount, r.DueOn, r.Status, r.FinishedOn);

    public static RecommendationView View(Recommendation r, DateOnly today) => new(
        r.Id, r.CaseReference, r.OrganisationId, r.BodyName, r.Kind, r.Category, r.Amount, r.Text, r.EvidenceExpected, r.DecisionDate, r.DueOn, r.Status,
        r.CaseworkerName, r.IssuedAt, r.FinishedOn, r.RefusalReason, r.AlternativeAgreed, r.Version, r.IsOverdueOn(today), r.EvidenceIsLate,
        r.EscalatedOn, r.ReportPublicly, r.PublicReportReason, r.PublicReportDecidedOn,
        [.. r.Steps.OrderBy(s => s.At).Select(s => new StepView(s.Id, s.At, s.ActorName, s.Move, s.From, s.To, s.Note))],
        [.. r.Files.OrderBy(f => f.Id).Select(f => new EvidenceFileView(f.Id, f.StepId, f.FileName, f.ContentType, f.Size))])
    {
        Training = r.TrainingCourseId is { } course ? new RecommendedTraining(course, r.TrainingCourseTitle ?? "", r.TraineeIds, null) : null,
    };

    /// <summary>One recommendation with its training's live progress, if it names a course and has been issued.</summary>
    public static async Task<RecommendationView> WithTrainingProgressAsync(RecommendationView view, IMediator mediator, CancellationToken cancellationToken) =>
        view.Training is { } training && view.Status != RecommendationStatus.Draft
            ? view with { Training = training with { Progress = await mediator.Send(new GetTrainingProgress(training.CourseId, training.TraineeIds, view.DueOn), cancellationToken) } }
            : view;

    public static async Task<Recommendation?> LoadAsync(RecommendationsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Recommendations.AsNoTracking().Include(r => r.Steps).Include(r => r.Files).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>A page of lines, outstanding and soonest due first.</summary>
    /// <summary>A page of <paramref name="query"/>, soonest due first. With <paramref name="finishedLast"/> (a list that
    /// mixes finished recommendations with outstanding ones) the finished ones come after the rest; a list of outstanding
    /// ones alone is then a walk down the due-date index.</summary>
    public static async Task<RecommendationLinePage> PageAsync(IQueryable<Recommendation> query, int page, bool finishedLast, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        page = Math.Max(1, page);
        var total = await query.CountAsync(cancellationToken);
        var ordered = finishedLast
            ? query.OrderBy(r => r.Status == RecommendationStatus.Complied || r.Status == RecommendationStatus.CompliedLate
                || r.Status == RecommendationStatus.NotComplied || r.Status == RecommendationStatus.Withdrawn).ThenBy(r => r.DueOn)
            : query.OrderBy(r => r.DueOn);
        var rows = await ordered.ThenBy(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.CaseReference, r.BodyName, r.Kind, r.Category, r.Text, r.DueOn, r.Status, r.EscalatedOn, r.ReportPublicly })
            .ToListAsync(cancellationToken);
        return new RecommendationLinePage(
            [.. rows.Select(r => new RecommendationLine(r.Id, r.CaseReference, r.BodyName, r.Kind, r.Category, r.Text, r.DueOn, r.Status,
                RecommendationMoves.IsOverdue(r.Status, r.DueOn, today), r.EscalatedOn, r.ReportPublicly))],
            total, page, PageSize);
    }
}
