using MediatR;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Features.Certificates;

/// <summary>What the public verify page says of a code: null when no certificate has it.</summary>
[AnyCaller]
public sealed record VerifyCertificate(string Code) : IQuery<CertificateView?>;

internal sealed class VerifyCertificateHandler(CertificateLookups certificates) : IRequestHandler<VerifyCertificate, CertificateView?>
{
    public async Task<CertificateView?> Handle(VerifyCertificate request, CancellationToken cancellationToken) =>
        await certificates.FindAsync(request.Code, cancellationToken) is { } c ? await certificates.ShowAsync(c, cancellationToken) : null;
}
