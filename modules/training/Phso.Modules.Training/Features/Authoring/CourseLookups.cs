using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Authoring;

/// <summary>How authoring requests find courses: always with their versions.</summary>
internal sealed class CourseLookups(TrainingDbContext db)
{
    public IQueryable<Course> WithVersions() => db.Courses.Include(c => c.Versions);

    public async Task<Course> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await WithVersions().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such course.");
}
