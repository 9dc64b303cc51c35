using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;

namespace Phso.SharedKernel.Auditing;

/// <summary>One entry of a record's audit trail, as people read it.</summary>
public sealed record AuditTrailEntry(
    DateTimeOffset OccurredAt, string ActorName, string Command, string EntityType, string Action, string Changes);

/// <summary>Reads the audit trail of one record from the module that owns it. Modules expose it to people on the
/// record's own page, under that page's authorisation.</summary>
public sealed class AuditTrailReader(IServiceProvider services, ModuleCatalogue catalogue)
{
    public async Task<IReadOnlyList<AuditTrailEntry>> ReadAsync(string moduleName, string recordType, string recordId, CancellationToken cancellationToken)
    {
        var module = catalogue.Find(moduleName) ?? throw new ArgumentException($"There is no module called '{moduleName}'.", nameof(moduleName));
        if (module.PrimaryDbContextType is not { } contextType)
        {
            return [];
        }

        var context = (IModuleDbContext)services.GetRequiredService(contextType);
        return await context.AuditEntries
            .AsNoTracking()
            .Where(a => a.RecordType == recordType && a.RecordId == recordId)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => new AuditTrailEntry(a.OccurredAt, a.ActorName, a.Command, a.EntityType, a.Action, a.Changes))
            .ToListAsync(cancellationToken);
    }
}
