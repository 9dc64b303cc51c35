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

internal sealed class GetCatalogueHandler(TrainingDbContext db, LearnerRecords learner) : IRequestHandler<GetCatalogue, IReadOnlyList<CatalogueEntry>>
{
    public async Task<IReadOnlyList<CatalogueEntry>> Handle(GetCatalogue request, CancellationToken cancellationToken)
    {
        var courses = await learner.OpenToMe().AsNoTracking().Include(c => c.Versions).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        var mine = await db.Enrolments.AsNoTracking().Where(e => e.PersonId == learner.Me && e.ArchivedAt == null && e.EndedAt == null)
            .Select(e => new { e.CourseId, e.Status }).ToListAsync(cancellationToken);
        return [.. courses.Select(c => new CatalogueEntry(c.Id, c.Title, c.Published!.Content.Summary, c.Category, c.Published.Content.Hours, c.Recurrence is not null,
            mine.FirstOrDefault(m => m.CourseId == c.Id)?.Status))];
    }
}
