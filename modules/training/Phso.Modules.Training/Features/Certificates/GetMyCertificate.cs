using MediatR;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Certificates;

/// <summary>One of the signed-in person's certificates, to view and print; null for anyone else's.</summary>
[RequiresPolicy(TrainingPolicies.Learn)]
public sealed record GetMyCertificate(string Code) : IQuery<CertificateView?>;

internal sealed class GetMyCertificateHandler(ICurrentUser me, CertificateLookups certificates) : IRequestHandler<GetMyCertificate, CertificateView?>
{
    public async Task<CertificateView?> Handle(GetMyCertificate request, CancellationToken cancellationToken) =>
        await certificates.FindAsync(request.Code, cancellationToken) is { } c && c.PersonId == me.Id ? await certificates.ShowAsync(c, cancellationToken) : null;
}
