using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Organisations.Domain;
using Phso.Modules.Organisations.Persistence;
using Phso.Modules.Organisations.Features.RegisterOrganisation;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Organisations.Features.UpdateOrganisation;

internal sealed class UpdateOrganisationValidator : OrganisationDetailsValidator<Contracts.UpdateOrganisation>
{
    public UpdateOrganisationValidator()
        : base(r => r.Name, r => r.Type, r => r.Sector, r => r.Nation, r => r.InRemit, r => r.IsPartner, r => r.OdsCode)
    {
    }
}

internal sealed class UpdateOrganisationHandler(OrganisationsDbContext db) : IRequestHandler<Contracts.UpdateOrganisation, Unit>
{
    public async Task<Unit> Handle(Contracts.UpdateOrganisation request, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FindOrThrowAsync(request.Id, cancellationToken);
        db.ExpectVersion(organisation, request.Version);
        var details = await UniqueDetails.CheckAsync(db, organisation.Id, request.Name, request.Type!.Value, request.Sector!.Value, request.Nation!.Value, request.InRemit!.Value, request.IsPartner!.Value, request.OdsCode, cancellationToken);
        organisation.Apply(details);
        return Unit.Value;
    }
}

internal static class OrganisationLookup
{
    public static async Task<Organisation> FindOrThrowAsync(this DbSet<Organisation> organisations, Guid id, CancellationToken cancellationToken) =>
        await organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw new NotFoundException("There is no organisation with that id in the register.");
}
