using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Learning;

/// <summary>The published courses open to the signed-in person, with where they are on each.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetCatalogue : IQuery<IReadOnlyList<CatalogueEntry>>;

public sealed record CatalogueEntry(Guid CourseId, string Title, string Summary, CourseCategory Category, decimal Hours, bool Recurring, EnrolmentStatus? MyStatus);

internal sealed class GetCatalogueHandler(TrainingDbContext db, LearnerRecords learner, CourseContents contents) : IRequestHandler<GetCatalogue, IReadOnlyList<CatalogueEntry>>
{
    public async Task<IReadOnlyList<CatalogueEntry>> Handle(GetCatalogue request, CancellationToken cancellationToken)
    {
        var courses = await learner.OpenToMe().AsNoTracking().OrderBy(c => c.Title)
            .Select(c => new
            {
                c.Id, c.Title, c.Category, Recurring = c.Recurrence != null,
                Published = c.Versions.Where(v => v.Status == VersionStatus.Published).Select(v => v.Id).First(),
            })
            .ToListAsync(cancellationToken);
        var content = await contents.OfVersionsAsync(db, [.. courses.Select(c => c.Published)], cancellationToken);
        var mine = (await db.Enrolments.AsNoTracking().Where(e => e.PersonId == learner.Me && e.ArchivedAt == null && e.EndedAt == null)
            .Select(e => new { e.CourseId, e.Status }).ToListAsync(cancellationToken))
            .DistinctBy(e => e.CourseId).ToDictionary(e => e.CourseId, e => e.Status);
        return [.. courses.Select(c => new CatalogueEntry(c.Id, c.Title, content[c.Published].Summary, c.Category, content[c.Published].Hours, c.Recurring,
            mine.TryGetValue(c.Id, out var status) ? status : null))];
    }
}
