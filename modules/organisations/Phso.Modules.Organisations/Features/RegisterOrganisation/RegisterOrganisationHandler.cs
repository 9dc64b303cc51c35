using MediatR;
using Phso.SharedKernel.Domain;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Organisations.Domain;
using Phso.Modules.Organisations.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Organisations.Features.RegisterOrganisation;

internal sealed class RegisterOrganisationValidator : OrganisationDetailsValidator<Contracts.RegisterOrganisation>
{
    public RegisterOrganisationValidator()
        : base(r => r.Name, r => r.Type, r => r.Sector, r => r.Nation, r => r.InRemit, r => r.IsPartner, r => r.OdsCode)
    {
    }
}

internal sealed class RegisterOrganisationHandler(OrganisationsDbContext db) : IRequestHandler<Contracts.RegisterOrganisation, Guid>
{
    public async Task<Guid> Handle(Contracts.RegisterOrganisation request, CancellationToken cancellationToken)
    {
        var details = await UniqueDetails.CheckAsync(db, null, request.Name, request.Type!.Value, request.Sector!.Value, request.Nation!.Value, request.InRemit!.Value, request.IsPartner!.Value, request.OdsCode, cancellationToken);
        var organisation = new Organisation(Guid.CreateVersion7(), details);
        db.Organisations.Add(organisation);
        return organisation.Id;
    }
}

/// <summary>Tidies the details and refuses a name or ODS code another organisation already has.</summary>
internal static class UniqueDetails
{
    public static async Task<OrganisationDetails> CheckAsync(
        OrganisationsDbContext db, Guid? self, string name, OrganisationType type, Sector sector, SharedKernel.Time.Nation nation,
        bool inRemit, bool isPartner, string? odsCode, CancellationToken cancellationToken)
    {
        var tidyName = Organisation.Tidy(name);
        var key = Organisation.KeyOf(name);
        var ods = string.IsNullOrWhiteSpace(odsCode) ? null : odsCode.Trim().ToUpperInvariant();
        if (await db.Organisations.AnyAsync(o => o.NameKey == key && o.Id != self, cancellationToken))
        {
            throw RequestValidationException.For<Contracts.RegisterOrganisation>(r => r.Name, $"There is already an organisation called {tidyName} in the register");
        }

        if (ods is not null && await db.Organisations.AnyAsync(o => o.OdsCode == ods && o.Id != self, cancellationToken))
        {
            throw RequestValidationException.For<Contracts.RegisterOrganisation>(r => r.OdsCode, $"Another organisation in the register has the ODS code {ods}");
        }

        return new OrganisationDetails(tidyName, type, sector, nation, inRemit, isPartner, ods);
    }
}
