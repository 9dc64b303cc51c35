using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Recommendations.Api;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Features.BodyResponses;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.Modules.Recommendations.Features.IssueRecommendations;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Recommendations;

/// <summary>Recommendations: what the ombudsman asks a body to do when it upholds a complaint, tracked until evidence
/// shows it was done.</summary>
public sealed class RecommendationsModule : ModuleBase
{
    public override string Name => RecommendationsDbContext.Module;

    public override string Title => "Recommendations";

    public override IReadOnlyCollection<string> DependsOn => ["complaints", "organisations", "accounts", "notifications"];

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<RecommendationsDbContext, RecommendationsPostgreSqlDbContext>();
        var services = context.Services;
        services.AddScoped<RecommendationCases>();
        services.AddScoped<RecommendationServices>();
        services.AddSingleton<EvidenceFiles>();
        services.Configure<AuthorizationOptions>(options =>
        {
            options.AddPolicy(RecommendationsPolicies.Read, p => p.RequireAuthenticatedUser().RequireRole(Roles.Caseworker, Roles.Manager, Roles.Admin));
            options.AddPolicy(RecommendationsPolicies.Work, p => p.RequireAuthenticatedUser().RequireRole(Roles.Caseworker));
            options.AddPolicy(RecommendationsPolicies.Respond, p => p.RequireAuthenticatedUser().RequireRole(Roles.PartnerRoles));
        });
    }

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoData.DemoRecommendations.SeedAsync(services, cancellationToken);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => RecommendationsApi.Map(endpoints);

    public override IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Recommendations", "/recommendations", RecommendationsPolicies.Read, 30, "What bodies were asked to do on upheld complaints, and whether they did it: outstanding, overdue and evidence to check."),
        new("Recommendations", "/partner/recommendations", RecommendationsPolicies.Respond, 25, "What the ombudsman asked your organisation to do: accept, say why not, and send evidence."),
    ];
}
