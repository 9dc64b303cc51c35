using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Organisations.Api;
using Phso.Modules.Organisations.DemoData;
using Phso.Modules.Organisations.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Organisations;

/// <summary>The organisation register: public bodies in remit and partner organisations.</summary>
public sealed class OrganisationsModule : ModuleBase
{
    public override string Name => OrganisationsDbContext.Module;

    public override string Title => "Organisation register";

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<OrganisationsDbContext, OrganisationsPostgreSqlDbContext>();
        context.Services.AddReferenceDataCache<OrganisationsDbContext>();
        context.Services.Configure<AuthorizationOptions>(o => o.AddPolicy(OrganisationPolicies.Register, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Caseworker)));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => OrganisationsApi.Map(endpoints);

    public override IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Organisations", "/organisations", Policies.StaffOnly, 80, "The public bodies in remit and the partner organisations whose handlers use this service."),
    ];

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoOrganisations.SeedAsync(services, cancellationToken);

    public override Task<string?> SeedScaleDataAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken) =>
        ScaleData.ScaleRegister.SeedAsync(plan, services, cancellationToken);
}
