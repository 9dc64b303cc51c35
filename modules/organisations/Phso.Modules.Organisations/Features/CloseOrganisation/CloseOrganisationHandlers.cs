using FluentValidation;
using MediatR;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Organisations.Persistence;
using Phso.Modules.Organisations.Features.UpdateOrganisation;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Organisations.Features.CloseOrganisation;

internal sealed class CloseOrganisationValidator : AbstractValidator<Contracts.CloseOrganisation>
{
    public CloseOrganisationValidator()
    {
        RuleFor(r => r.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Enter why the organisation closed")
            .MaximumLength(500).WithMessage("The reason must be 500 characters or fewer");
    }
}

internal sealed class CloseOrganisationHandler(OrganisationsDbContext db, TimeProvider clock) : IRequestHandler<Contracts.CloseOrganisation, Unit>
{
    public async Task<Unit> Handle(Contracts.CloseOrganisation request, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FindOrThrowAsync(request.Id, cancellationToken);
        db.ExpectVersion(organisation, request.Version);
        organisation.Close(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), request.Reason.Trim());
        return Unit.Value;
    }
}

internal sealed class ReopenOrganisationHandler(OrganisationsDbContext db) : IRequestHandler<ReopenOrganisation, Unit>
{
    public async Task<Unit> Handle(ReopenOrganisation request, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FindOrThrowAsync(request.Id, cancellationToken);
        db.ExpectVersion(organisation, request.Version);
        organisation.Reopen();
        return Unit.Value;
    }
}
