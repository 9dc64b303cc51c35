using Phso.SharedKernel.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Organisations.Persistence;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Organisations.DemoData;

/// <summary>
/// A realistic register written for the demo. NHS bodies are invented (with ODS-style codes starting Z, which the
/// real register does not issue); government departments and agencies are the real ones, as their names are public.
/// </summary>
internal static class DemoOrganisations
{
    private static readonly RegisterOrganisation[] Register =
    [
        new("Northmoor Hospitals NHS Foundation Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, false, "ZN1"),
        new("Coldharbour Teaching Hospitals NHS Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, true, "ZC2"),
        new("Riverside Community Health NHS Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, false, "ZR3"),
        new("Eastfield Mental Health NHS Foundation Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, false, "ZE4"),
        new("Kingsbridge Ambulance Service NHS Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, false, "ZK5"),
        new("Dales Community NHS Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, false, "ZD6"),
        new("NHS Northmoor and Dales Integrated Care Board", OrganisationType.IntegratedCareBoard, Sector.Health, Nation.England, true, false, "ZQ1"),
        new("NHS Riverside and Coldharbour Integrated Care Board", OrganisationType.IntegratedCareBoard, Sector.Health, Nation.England, true, false, "ZQ2"),
        new("Millbrook Surgery", OrganisationType.GpPractice, Sector.Health, Nation.England, true, false, "Z81001"),
        new("Abbey Lane Medical Practice", OrganisationType.GpPractice, Sector.Health, Nation.England, true, false, "Z81002"),
        new("The Old Mill Health Centre", OrganisationType.GpPractice, Sector.Health, Nation.England, true, false, "Z82003"),
        new("NHS England", OrganisationType.OtherPublicBody, Sector.Health, Nation.England, true, false, null),
        new("NHS Glenmorven Health Board", OrganisationType.OtherPublicBody, Sector.Health, Nation.Scotland, false, true, "ZS1"),
        new("Bro Derwen University Health Board", OrganisationType.OtherPublicBody, Sector.Health, Nation.Wales, false, false, "ZW1"),
        new("Department for Work and Pensions", OrganisationType.GovernmentDepartment, Sector.Parliamentary, Nation.England, true, true, null),
        new("HM Revenue and Customs", OrganisationType.GovernmentDepartment, Sector.Parliamentary, Nation.England, true, false, null),
        new("Home Office", OrganisationType.GovernmentDepartment, Sector.Parliamentary, Nation.England, true, false, null),
        new("Ministry of Justice", OrganisationType.GovernmentDepartment, Sector.Parliamentary, Nation.England, true, false, null),
        new("Department for Education", OrganisationType.GovernmentDepartment, Sector.Parliamentary, Nation.England, true, false, null),
        new("Department of Health and Social Care", OrganisationType.GovernmentDepartment, Sector.Parliamentary, Nation.England, true, false, null),
        new("HM Courts and Tribunals Service", OrganisationType.OtherPublicBody, Sector.Parliamentary, Nation.England, true, false, null),
        new("UK Visas and Immigration", OrganisationType.OtherPublicBody, Sector.Parliamentary, Nation.England, true, false, null),
        new("Driver and Vehicle Licensing Agency", OrganisationType.OtherPublicBody, Sector.Parliamentary, Nation.Wales, true, false, null),
        new("HM Land Registry", OrganisationType.OtherPublicBody, Sector.Parliamentary, Nation.England, true, false, null),
        new("Child Maintenance Service", OrganisationType.OtherPublicBody, Sector.Parliamentary, Nation.England, true, false, null),
        new("Care Quality Commission", OrganisationType.OtherPublicBody, Sector.Parliamentary, Nation.England, true, false, null),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OrganisationsDbContext>();
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return;
        }

        var mediator = services.GetRequiredService<IMediator>();
        foreach (var organisation in Register)
        {
            await mediator.Send(organisation, cancellationToken);
        }

        var dales = await mediator.Send(new FindOrganisations("Dales Community"), cancellationToken);
        var merged = dales.Items.Single();
        await mediator.Send(new CloseOrganisation(merged.Id, merged.Version, "Merged into Northmoor Hospitals NHS Foundation Trust"), cancellationToken);
    }
}
