using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;

namespace Phso.Modules.Training.Features.Learning;

/// <summary>
/// The content of course versions as learners read it, parsed once per host. A published (or superseded) version
/// never changes (<see cref="CourseVersion"/> refuses), so what is kept never goes stale and nothing needs emptying;
/// drafts change and are always read afresh. Reading and parsing each version's JSON document on every page was most
/// of the catalogue's and a lesson's time at a real year's scale.
/// </summary>
internal sealed class CourseContents : IDisposable
{
    private readonly MemoryCache _parsed = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public void Dispose() => _parsed.Dispose();

    public async Task<CourseContent> OfVersionAsync(TrainingDbContext db, Guid versionId, CancellationToken cancellationToken) =>
        (await OfVersionsAsync(db, [versionId], cancellationToken))[versionId];

    /// <summary>The content of each version asked for; those not kept are read in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, CourseContent>> OfVersionsAsync(TrainingDbContext db, IReadOnlyCollection<Guid> versionIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, CourseContent>();
        var missing = new List<Guid>();
        foreach (var id in versionIds.Distinct())
        {
            if (_parsed.TryGetValue(id, out CourseContent? content) && content is not null)
            {
                found[id] = content;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var read = await db.CourseVersions.AsNoTracking().Where(v => missing.Contains(v.Id)).Select(v => new { v.Id, v.Status, v.ContentJson }).ToListAsync(cancellationToken);
        foreach (var version in read)
        {
            var content = CourseVersion.Parse(version.ContentJson);
            if (version.Status != VersionStatus.Draft)
            {
                _parsed.Set(version.Id, content, new MemoryCacheEntryOptions { Size = 1 });
            }

            found[version.Id] = content;
        }

        return found;
    }
}
