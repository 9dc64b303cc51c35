using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Sample.Domain;
using Phso.Modules.Sample.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Sample.ScaleData;

/// <summary>The module's share of <c>seed-scale</c>: as many notes as a real year would bring (here one per case),
/// made by the domain's own factory and written in bulk. Replace with the module's own data at scale.</summary>
internal static class ScaleSampleNotes
{
    public static async Task<string?> SeedAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SampleDbContext>();
        if (plan.Cases == 0 || await db.HasScaleDataAsync(cancellationToken))
        {
            return null;
        }

        var faker = plan.FakerFor(SampleDbContext.Module);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var notes = Enumerable.Range(0, plan.Cases)
            .Select(_ => SampleNote.Record(faker.Lorem.Sentence(8), faker.Name.FullName(), now.AddMinutes(-faker.Random.Int(1, 500_000))));
        var written = await db.SaveInBatchesAsync(notes, cancellationToken);
        return $"{written:N0} notes";
    }
}
