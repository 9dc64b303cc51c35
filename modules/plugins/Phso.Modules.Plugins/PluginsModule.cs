using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;

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
        context.AddDbContext<PluginsDbContext>();
        context.Services.Configure<PluginOptions>(context.Configuration.GetSection("Plugins"));
        context.Services.AddSingleton<PluginRuntime>();
        context.Services.AddHostedService<PluginStartup>();
        if (DemoData.SamplePlugins.Enabled(context.Configuration) && DemoData.SamplePlugins.TestKey() is { } testKey)
        {
            context.Services.PostConfigure<PluginOptions>(options => options.TrustedKeys.Add(testKey));
        }
    }

    public override IReadOnlyList<NavigationLink> Navigation =>
        [new("Plugins", "/admin/plugins", Policies.Admin, 90, "Install, switch on and off, upgrade and remove partner organisations' plugins.")];

    public override IReadOnlyList<ModuleCommand> Commands => PluginCommands.All();

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoData.SamplePlugins.SeedAsync(services, cancellationToken);
}
