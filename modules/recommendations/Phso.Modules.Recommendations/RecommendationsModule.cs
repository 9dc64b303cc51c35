using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Recommendations.Api;
using Phso.Modules.Recommendations.Contracts;
using Microsoft.Extensions.Configuration;
using Phso.Modules.Recommendations.Features.BodyResponses;
using Phso.Modules.Recommendations.Features.Chasing;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.Modules.Recommendations.Features.IssueRecommendations;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;
using Quartz;

namespace Phso.Modules.Recommendations;

/// <summary>Recommendations: what the ombudsman asks a body to do when it upholds a complaint, tracked until evidence
/// shows it was done.</summary>
public sealed class RecommendationsModule : ModuleBase
{
    public override string Name => RecommendationsDbContext.Module;

    public override string Title => "Recommendations";

    public override IReadOnlyCollection<string> DependsOn => ["complaints", "organisations", "accounts", "notifications", "training"];

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<RecommendationsDbContext, RecommendationsPostgreSqlDbContext>();
        var services = context.Services;
        services.AddScoped<RecommendationCases>();
        services.AddScoped<RecommendationServices>();
        services.AddScoped<Features.TrainingEvidence.TrainingEvidenceSender>();
        services.AddSingleton<EvidenceFiles>();
        services.Configure<RecommendationsOptions>(context.Configuration.GetSection("Recommendations"));
        services.AddSingleton<RecommendationFollowUp>();
        services.AddSingleton<Phso.SharedKernel.Persistence.KeptFigures<int, Features.Compliance.YearOfCompliance>>();
        services.Configure<AuthorizationOptions>(options =>
        {
            options.AddPolicy(RecommendationsPolicies.Read, p => p.RequireAuthenticatedUser().RequireRole(Roles.Caseworker, Roles.Manager, Roles.Admin));
            options.AddPolicy(RecommendationsPolicies.Work, p => p.RequireAuthenticatedUser().RequireRole(Roles.Caseworker));
            options.AddPolicy(RecommendationsPolicies.Respond, p => p.RequireAuthenticatedUser().RequireRole(Roles.PartnerRoles));
            options.AddPolicy(RecommendationsPolicies.Escalations, p => p.RequireAuthenticatedUser().RequireRole(Roles.Manager));
        });
    }

    public override void ConfigureJobs(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var minutes = configuration.GetSection("Recommendations").Get<RecommendationsOptions>()?.CheckIntervalMinutes ?? new RecommendationsOptions().CheckIntervalMinutes;
        if (minutes > 0)
        {
            quartz.ScheduleJob<RecommendationFollowUpJob>(
                trigger => trigger.WithIdentity("recommendation-follow-up").StartNow().WithSimpleSchedule(TimeSpan.FromMinutes(minutes), null),
                job => job.WithIdentity(RecommendationFollowUpJob.Key));
        }
    }

    public override IReadOnlyList<ModuleCommand> Commands =>
    [
        ModuleCommand.RunJobOnce("chase-recommendations", "Sends the reminders due before and after recommendations' due dates, marks them overdue and escalates them, as the scheduled job does.",
            async (services, cancellationToken) => $"{await services.GetRequiredService<RecommendationFollowUp>().RunAsync(cancellationToken):N0} people told"),
    ];

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoData.DemoRecommendations.SeedAsync(services, cancellationToken);

    public override Task<string?> SeedScaleDataAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken) =>
        ScaleData.ScaleRecommendations.SeedAsync(plan, services, cancellationToken);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => RecommendationsApi.Map(endpoints);

    public override IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Recommendations", "/recommendations", RecommendationsPolicies.Read, 30, "What bodies were asked to do on upheld complaints, and whether they did it: outstanding, overdue and evidence to check."),
        new("Recommendations", "/partner/recommendations", RecommendationsPolicies.Respond, 25, "What the ombudsman asked your organisation to do: accept, say why not, and send evidence."),
    ];
}
