using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Certificates;

/// <summary>One of the signed-in person's certificates, to view and print; null for anyone else's.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetMyCertificate(string Code) : IQuery<CertificateView?>;

/// <summary>What the public verify page says of a code: null when no certificate has it.</summary>
[AnyCaller]
public sealed record VerifyCertificate(string Code) : IQuery<CertificateView?>;

/// <summary>Revokes a certificate, with the reason (shown on the verify page).</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record RevokeCertificate(string Code, string? Reason) : ICommand;

public sealed record CertificateView(
    string Code, string PersonName, string CourseTitle, decimal Hours, DateOnly IssuedOn, DateOnly? ExpiresOn, CertificateStatus Status, string? RevokedReason,
    DateTimeOffset? RevokedAt, string? SupersededByCode);

internal sealed class CertificateHandlers(TrainingDbContext db, ICurrentUser me, TimeProvider clock)
    : IRequestHandler<GetMyCertificate, CertificateView?>, IRequestHandler<VerifyCertificate, CertificateView?>, IRequestHandler<RevokeCertificate, Unit>
{
    public async Task<CertificateView?> Handle(GetMyCertificate request, CancellationToken cancellationToken) =>
        await FindAsync(request.Code, cancellationToken) is { } c && c.PersonId == me.Id ? await ShowAsync(c, cancellationToken) : null;

    public async Task<CertificateView?> Handle(VerifyCertificate request, CancellationToken cancellationToken) =>
        await FindAsync(request.Code, cancellationToken) is { } c ? await ShowAsync(c, cancellationToken) : null;

    public async Task<Unit> Handle(RevokeCertificate request, CancellationToken cancellationToken)
    {
        var code = Certificate.Normalise(request.Code);
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Code == code, cancellationToken) ?? throw new NotFoundException("There is no certificate with that code.");
        certificate.Revoke(request.Reason, me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }

    private Task<Certificate?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var normal = Certificate.Normalise(code);
        return db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == normal, cancellationToken);
    }

    private async Task<CertificateView> ShowAsync(Certificate c, CancellationToken cancellationToken)
    {
        var next = c.SupersededById is { } id ? await db.Certificates.AsNoTracking().Where(x => x.Id == id).Select(x => x.Code).SingleOrDefaultAsync(cancellationToken) : null;
        return new CertificateView(c.Code, c.PersonName, c.CourseTitle, c.Hours, c.IssuedOn, c.ExpiresOn, c.StatusOn(TrainingTime.Today(clock)), c.RevokedReason, c.RevokedAt, next);
    }
}
