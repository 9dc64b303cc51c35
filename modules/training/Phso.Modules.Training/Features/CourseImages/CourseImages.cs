using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.CourseImages;

/// <summary>An image a lesson shows, by its SHA-256 (the address lessons are rendered with).</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetCourseImage(string Sha256) : IQuery<CourseImageFile?>;

public sealed record CourseImageFile(string ContentType, byte[] Content);

internal sealed class CourseImageHandlers(TrainingDbContext db) : IRequestHandler<GetCourseImage, CourseImageFile?>
{
    public async Task<CourseImageFile?> Handle(GetCourseImage request, CancellationToken cancellationToken) =>
        request.Sha256 is { Length: 64 } hash && hash.All(char.IsAsciiHexDigitLower)
            ? await db.Images.AsNoTracking().Where(i => i.Sha256 == hash).Select(i => new CourseImageFile(i.ContentType, i.Content)).SingleOrDefaultAsync(cancellationToken)
            : null;
}
