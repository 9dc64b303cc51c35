using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Sample.Features.RecordNote;
using Phso.Modules.Sample.Persistence;

namespace Phso.Modules.Sample.DemoData;

/// <summary>A couple of notes for the demo, written through the module's own command as a person would.</summary>
internal static class DemoSampleNotes
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<SampleDbContext>().Notes.AnyAsync(cancellationToken))
        {
            return;
        }

        var mediator = services.GetRequiredService<IMediator>();
        await mediator.Send(new RecordSampleNote("The module template made this module."), cancellationToken);
        await mediator.Send(new RecordSampleNote("Replace these notes with the module's own demo data."), cancellationToken);
    }
}
