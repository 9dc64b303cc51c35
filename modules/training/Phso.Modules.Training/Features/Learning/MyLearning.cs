using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Learning;

/// <summary>The signed-in person's learning: current records (newest first), and how many earlier cycles are archived.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetMyLearning : IQuery<MyLearning>
{
    public const int Shown = 50;
}

/// <summary>Every current record (one per course at most), and the latest <see cref="GetMyLearning.Shown"/> archived
/// records and certificates with how many there are in all: the page never reads a whole history.</summary>
public sealed record MyLearning(
    IReadOnlyList<LearningRow> Current, IReadOnlyList<LearningRow> History, int HistoryTotal, IReadOnlyList<CertificateRow> Certificates, int CertificatesTotal);

public sealed record LearningRow(
    Guid CourseId, string Title, EnrolmentStatus Status, int Progress, DateOnly? DueOn, DateOnly? CompletedOn, DateOnly? ExpiresOn, EnrolmentOrigin Origin, bool Overdue,
    DateTimeOffset? ArchivedAt);

public sealed record CertificateRow(string Code, string CourseTitle, DateOnly IssuedOn, DateOnly? ExpiresOn, CertificateStatus Status);

internal sealed class GetMyLearningHandler(TrainingDbContext db, LearnerRecords learner, CourseContents contents) : IRequestHandler<GetMyLearning, MyLearning>
{
    public async Task<MyLearning> Handle(GetMyLearning request, CancellationToken cancellationToken)
    {
        var mine = db.Enrolments.AsNoTracking().Where(e => e.PersonId == learner.Me);
        var current = await mine.Where(e => e.EndedAt == null && e.ArchivedAt == null).Include(e => e.Views).Include(e => e.Attempts)
            .OrderByDescending(e => e.EnrolledAt).ToListAsync(cancellationToken);
        var archived = mine.Where(e => e.ArchivedAt != null);
        var history = await archived.OrderByDescending(e => e.ArchivedAt).Take(GetMyLearning.Shown).Include(e => e.Views).ToListAsync(cancellationToken);
        var versionIds = current.Concat(history).Select(r => r.CourseVersionId).Distinct().ToList();
        var versions = await contents.OfVersionsAsync(db, versionIds, cancellationToken);
        var today = learner.Today;
        LearningRow Row(Enrolment e)
        {
            var content = versions[e.CourseVersionId];
            return new LearningRow(e.CourseId, content.Title, e.Status, e.Progress(content), e.DueOn, e.CompletedOn, e.ExpiresOn, e.Origin,
                !e.IsFinished && e.DueOn < today, e.ArchivedAt);
        }

        var myCertificates = db.Certificates.AsNoTracking().Where(c => c.PersonId == learner.Me);
        var certificates = await myCertificates.OrderByDescending(c => c.IssuedOn).Take(GetMyLearning.Shown).ToListAsync(cancellationToken);
        return new MyLearning(
            [.. current.Select(Row)],
            [.. history.Select(Row)],
            history.Count < GetMyLearning.Shown ? history.Count : await archived.CountAsync(cancellationToken),
            [.. certificates.Select(c => new CertificateRow(c.Code, c.CourseTitle, c.IssuedOn, c.ExpiresOn, c.StatusOn(today)))],
            certificates.Count < GetMyLearning.Shown ? certificates.Count : await myCertificates.CountAsync(cancellationToken));
    }
}
