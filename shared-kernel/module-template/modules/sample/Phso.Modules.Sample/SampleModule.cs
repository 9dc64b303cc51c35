using Microsoft.AspNetCore.Routing;
using Phso.Modules.Sample.Api;
using Phso.Modules.Sample.DemoData;
using Phso.Modules.Sample.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Sample;

/// <summary>The Sample module: notes staff record (made from the module template; say here what it is for).</summary>
public sealed class SampleModule : ModuleBase
{
    public override string Name => SampleDbContext.Module;

    public override string Title => "Sample";

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<SampleDbContext, SamplePostgreSqlDbContext>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => SampleApi.Map(endpoints);

    public override IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Sample", "/sample", Policies.StaffOnly, 70, "Notes staff record."),
    ];

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoSampleNotes.SeedAsync(services, cancellationToken);

    public override Task<string?> SeedScaleDataAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken) =>
        ScaleData.ScaleSampleNotes.SeedAsync(plan, services, cancellationToken);
}
