using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Sample.Contracts;
using Phso.Modules.Sample.Persistence;

namespace Phso.Modules.Sample.Features.ListNotes;

internal sealed class ListSampleNotesHandler(SampleDbContext db) : IRequestHandler<ListSampleNotes, IReadOnlyList<SampleNoteSummary>>
{
    public async Task<IReadOnlyList<SampleNoteSummary>> Handle(ListSampleNotes request, CancellationToken cancellationToken) =>
        await db.Notes.AsNoTracking()
            .OrderByDescending(n => n.RecordedAt)
            .Take(Math.Clamp(request.Count, 1, 100))
            .Select(n => new SampleNoteSummary(n.Id, n.Text, n.RecordedBy, n.RecordedAt))
            .ToListAsync(cancellationToken);
}
