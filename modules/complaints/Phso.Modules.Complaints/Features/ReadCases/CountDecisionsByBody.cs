using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Persistence;

namespace Phso.Modules.Complaints.Features.ReadCases;

internal sealed class CountDecisionsByBodyHandler(ComplaintsDbContext db) : IRequestHandler<CountDecisionsByBody, IReadOnlyList<BodyDecisions>>
{
    public async Task<IReadOnlyList<BodyDecisions>> Handle(CountDecisionsByBody request, CancellationToken cancellationToken)
    {
        var upheld = new ComplaintOutcome?[] { ComplaintOutcome.Upheld, ComplaintOutcome.PartlyUpheld };
        return await db.Complaints.AsNoTracking()
            .Where(c => c.Outcome != null && c.OrganisationId != null && c.DecidedOn >= request.From && c.DecidedOn <= request.To)
            .GroupBy(c => c.OrganisationId!.Value)
            .Select(g => new BodyDecisions(g.Key, g.Count(), g.Count(c => upheld.Contains(c.Outcome))))
            .ToListAsync(cancellationToken);
    }
}
