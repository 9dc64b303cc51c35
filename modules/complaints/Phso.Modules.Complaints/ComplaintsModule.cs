using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;
using Quartz;

namespace Phso.Modules.Complaints;

/// <summary>Complaints: casework from a complaint received to a final decision and its review.</summary>
public sealed class ComplaintsModule : ModuleBase
{
    public override string Name => ComplaintsDbContext.Module;

    public override string Title => "Complaints";

    public override IReadOnlyCollection<string> DependsOn => ["organisations", "accounts", "notifications", "plugins"];

    public override IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Make a complaint", "/complain", NavigationLink.Everyone, 10, "Complain about the NHS in England, a UK government department or another public body."),
        new("Cases", "/cases", ComplaintsPolicies.ReadCasework, 20, "The complaints queue: cases by stage, charter clock and who is working on them."),
        new("Timeliness", "/cases/timeliness", ComplaintsPolicies.Timeliness, 25, "How casework is keeping to time: open cases, charter clocks kept and decisions by month."),
        new("Provisional views", "/partner/provisional-views", ComplaintsPolicies.BodyComments, 20, "The ombudsman's provisional views on complaints about your organisation, for your comments."),
    ];

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => Api.ComplaintsApi.Map(endpoints);

    public override void ConfigureJobs(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var minutes = configuration.GetSection("Complaints").Get<ComplaintsOptions>()?.ClockCheckIntervalMinutes ?? new ComplaintsOptions().ClockCheckIntervalMinutes;
        if (minutes > 0)
        {
            quartz.ScheduleJob<Features.CharterClocks.RefreshCharterClocksJob>(
                trigger => trigger.WithIdentity("refresh-charter-clocks").StartNow().WithSimpleSchedule(TimeSpan.FromMinutes(minutes), null),
                job => job.WithIdentity(Features.CharterClocks.RefreshCharterClocksJob.Key));
        }
    }

    public override IReadOnlyList<ModuleCommand> Commands =>
    [
        ModuleCommand.RunJobOnce("refresh-charter-clocks", "Brings every open case's charter clocks up to now, as the scheduled job does.", async (services, cancellationToken) =>
            $"{await services.GetRequiredService<Features.CharterClocks.CharterClockWatch>().RefreshAsync(cancellationToken):N0} clocks changed state"),
    ];

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoData.DemoCases.SeedAsync(services, cancellationToken);

    public override Task<string?> SeedScaleDataAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken) =>
        ScaleData.ScaleCases.SeedAsync(plan, services, cancellationToken);

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<ComplaintsDbContext, ComplaintsPostgreSqlDbContext>();
        var services = context.Services;
        services.Configure<ComplaintsOptions>(context.Configuration.GetSection("Complaints"));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;
            return new CharterClockRules(provider.GetRequiredService<IWorkingDayCalendar>(), options.AcknowledgeWithinWorkingDays, options.UpdateEveryWorkingDays, options.DueSoonWithinWorkingDays);
        });
        services.AddSingleton<Evidence.EvidenceStore>();
        services.AddScoped<Features.SubmitComplaint.ComplaintDrafts>();
        services.AddSingleton(new SessionPath("/complain"));
        services.AddScoped<Features.WorkCases.CaseCommandServices>();
        services.AddScoped<Features.BodyComments.SharedProvisionalViews>();
        services.AddScoped<Features.WorkCases.Eligibility>();
        services.AddScoped<Features.ComplainantLink.LinkResolver>();
        services.AddSingleton<Features.CharterClocks.CharterClockWatch>();
        services.AddSingleton<KeptFigures<Features.Timeliness.GetTimeliness, Features.Timeliness.TimelinessReport>>();
        services.AddSingleton<KeptFigures<Guid, Features.LocalStandards.ComplaintDates>>();
        services.AddReferenceDataCache<Features.ReadCases.QueueCounts>();
        services.Configure<AuthorizationOptions>(options =>
        {
            options.AddPolicy(ComplaintsPolicies.ReadCasework, p => p.RequireAuthenticatedUser().RequireRole(Roles.Caseworker, Roles.Manager, Roles.Admin));
            options.AddPolicy(ComplaintsPolicies.WorkCases, p => p.RequireAuthenticatedUser().RequireRole(Roles.Caseworker));
            options.AddPolicy(ComplaintsPolicies.Timeliness, p => p.RequireAuthenticatedUser().RequireRole(Roles.Manager, Roles.Admin));
            options.AddPolicy(ComplaintsPolicies.BodyComments, p => p.RequireAuthenticatedUser().RequireRole(Roles.PartnerLead));
        });
    }
}
