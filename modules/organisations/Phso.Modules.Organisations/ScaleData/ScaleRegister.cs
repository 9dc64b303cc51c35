using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Organisations.Domain;
using Phso.Modules.Organisations.Persistence;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Organisations.ScaleData;

/// <summary>The register at scale: one body for every 250 cases (400 beside 100,000), in the proportions complaints
/// come from (mostly GP practices and NHS trusts, then integrated care boards and government bodies), a tenth of the
/// NHS trusts and boards partners. Invented names, with ODS-style codes starting ZZ (never issued for real).</summary>
internal static class ScaleRegister
{
    public const string CodePrefix = "ZZ";

    public static async Task<string?> SeedAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OrganisationsDbContext>();
        if (plan.Cases == 0 || await db.HasScaleDataAsync(cancellationToken))
        {
            return null;
        }

        var faker = plan.FakerFor(OrganisationsDbContext.Module);
        var taken = (await db.Organisations.Select(o => o.NameKey).ToListAsync(cancellationToken)).ToHashSet();
        var count = Math.Max(20, plan.Cases / 250);
        var bodies = new List<Organisation>(count);
        for (var number = 1; bodies.Count < count; number++)
        {
            var place = faker.Address.City();
            var roll = faker.Random.Double();
            var (name, type, sector, nation, inRemit) = roll switch
            {
                < 0.55 => (faker.PickRandom($"{faker.Name.LastName()} Road Surgery", $"{place} Medical Centre", $"{place} Health Centre", $"The {faker.Name.LastName()} Practice"),
                    OrganisationType.GpPractice, Sector.Health, Nation.England, true),
                < 0.75 => (faker.PickRandom($"{place} Hospitals NHS Trust", $"{place} Teaching Hospitals NHS Foundation Trust", $"{place} Community Health NHS Trust", $"{place} Mental Health NHS Foundation Trust"),
                    OrganisationType.NhsTrust, Sector.Health, Nation.England, true),
                < 0.80 => ($"NHS {place} Integrated Care Board", OrganisationType.IntegratedCareBoard, Sector.Health, Nation.England, true),
                < 0.90 => (faker.PickRandom($"{place} Hospice", $"{place} Dental Practice", $"{place} Pharmacy"), OrganisationType.OtherPublicBody, Sector.Health, Nation.England, true),
                < 0.95 => (faker.PickRandom($"NHS {place} Health Board", $"{place} University Health Board"), OrganisationType.OtherPublicBody, Sector.Health,
                    faker.PickRandom(Nation.Scotland, Nation.Wales), false),
                _ => (faker.PickRandom($"{place} Jobcentre Plus", $"{place} Passport Office", $"{place} Tax Office", $"{place} County Court"),
                    OrganisationType.OtherPublicBody, Sector.Parliamentary, Nation.England, true),
            };
            if (!taken.Add(Organisation.KeyOf(name)))
            {
                continue;
            }

            var partner = type is OrganisationType.NhsTrust or OrganisationType.IntegratedCareBoard && faker.Random.Double() < 0.1;
            var code = sector == Sector.Health ? $"{CodePrefix}{number:0000}" : null;
            bodies.Add(new Organisation(Guid.CreateVersion7(), new OrganisationDetails(name, type, sector, nation, inRemit, partner, code)));
        }

        await db.SaveInBatchesAsync(bodies, cancellationToken);
        return $"{bodies.Count:N0} organisations, {bodies.Count(b => b.IsPartner):N0} of them partners";
    }
}
