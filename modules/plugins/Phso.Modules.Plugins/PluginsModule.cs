using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;
using Quartz;

namespace Phso.Modules.Plugins;

/// <summary>Partner plugins: install, verify, load, switch on and off, and what they bring to other modules.</summary>
public sealed class PluginsModule : ModuleBase
{
    public override string Name => PluginsDbContext.Module;

    public override string Title => "Partner plugins";

    public override IReadOnlyCollection<string> DependsOn => ["organisations"];

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<PluginsDbContext, PluginsPostgreSqlDbContext>();
        context.Services.Configure<PluginOptions>(context.Configuration.GetSection("Plugins"));
        context.Services.AddSingleton<PluginRuntime>();
        context.Services.AddHostedService<PluginStartup>();
        context.Services.AddSingleton<PluginSync>();
        context.Services.AddSingleton<Features.Standards.PluginFindingsCache>();
        context.Services.AddScoped<Features.Lifecycle.PluginContent>();
        context.Services.AddScoped<Features.Lifecycle.PluginInstallation>();
        context.Services.AddScoped<Phso.SharedKernel.Web.INavigationBadge, Features.Lifecycle.PluginsNeedingAttentionBadge>();
        if (DemoData.SamplePlugins.Enabled(context.Configuration) && DemoData.SamplePlugins.TestKey() is { } testKey)
        {
            context.Services.PostConfigure<PluginOptions>(options => options.TrustedKeys.Add(testKey));
        }
    }

    public override void ConfigureJobs(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var seconds = configuration.GetSection("Plugins").Get<PluginOptions>()?.SyncIntervalSeconds ?? new PluginOptions().SyncIntervalSeconds;
        if (seconds > 0)
        {
            quartz.ScheduleJob<SyncPluginsJob>(
                trigger => trigger.WithIdentity("sync-plugins").StartNow().WithSimpleSchedule(TimeSpan.FromSeconds(seconds), null),
                job => job.WithIdentity(SyncPluginsJob.Key));
        }
    }

    public override IReadOnlyList<NavigationLink> Navigation =>
        [new("Plugins", "/admin/plugins", Policies.Admin, 90, "Install, switch on and off, upgrade and remove partner organisations' plugins.")];

    public override IReadOnlyList<ModuleCommand> Commands => PluginCommands.All();

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoData.SamplePlugins.SeedAsync(services, cancellationToken);
}
