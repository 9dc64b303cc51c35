using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Certificates;

public sealed record CertificateView(
    string Code, string PersonName, string CourseTitle, decimal Hours, DateOnly IssuedOn, DateOnly? ExpiresOn, CertificateStatus Status, string? RevokedReason,
    DateTimeOffset? RevokedAt, string? SupersededByCode);

/// <summary>Finding a certificate by its code and showing it as people read it.</summary>
internal sealed class CertificateLookups(TrainingDbContext db, TimeProvider clock)
{
    public Task<Certificate?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var normal = Certificate.Normalise(code);
        return db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == normal, cancellationToken);
    }

    public async Task<CertificateView> ShowAsync(Certificate c, CancellationToken cancellationToken)
    {
        var next = c.SupersededById is { } id ? await db.Certificates.AsNoTracking().Where(x => x.Id == id).Select(x => x.Code).SingleOrDefaultAsync(cancellationToken) : null;
        return new CertificateView(c.Code, c.PersonName, c.CourseTitle, c.Hours, c.IssuedOn, c.ExpiresOn, c.StatusOn(TrainingTime.Today(clock)), c.RevokedReason, c.RevokedAt, next);
    }
}
