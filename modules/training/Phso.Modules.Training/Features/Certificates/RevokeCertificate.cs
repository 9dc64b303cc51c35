using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Certificates;

/// <summary>Revokes a certificate, with the reason (shown on the verify page).</summary>
[RequiresPolicy(TrainingPolicies.Author)]
public sealed record RevokeCertificate(string Code, string? Reason) : ICommand;

internal sealed class RevokeCertificateValidator : AbstractValidator<RevokeCertificate>
{
    public RevokeCertificateValidator() =>
        RuleFor(r => r.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Give the reason for revoking the certificate")
            .MaximumLength(500).WithMessage("The reason must be 500 characters or fewer");
}

internal sealed class RevokeCertificateHandler(TrainingDbContext db, ICurrentUser me, TimeProvider clock) : IRequestHandler<RevokeCertificate, Unit>
{
    public async Task<Unit> Handle(RevokeCertificate request, CancellationToken cancellationToken)
    {
        var code = Certificate.Normalise(request.Code);
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Code == code, cancellationToken) ?? throw new NotFoundException("There is no certificate with that code.");
        certificate.Revoke(request.Reason, me.DisplayName, clock.GetUtcNow());
        return Unit.Value;
    }
}
