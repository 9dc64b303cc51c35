using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Phso.Modules.Sample.Contracts;
using Phso.Modules.Sample.Features.RecordNote;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Sample.Api;

/// <summary>JSON API over the notes, for staff. Refusals come back as problem details naming the body's fields. Every
/// endpoint names its operation, says what it does and gives an example body (the OpenAPI description is linted in the tests).</summary>
internal static class SampleApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/sample").WithTags("Sample");

        api.MapGet("/notes", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListSampleNotes(), cancellationToken))
            .WithName("ListSampleNotes").WithSummary("The newest notes first")
            .RequireAuthorization(Policies.StaffOnly);

        api.MapPost("/notes", async (NewNote body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var id = await mediator.Send(new RecordSampleNote(body.Text ?? ""), cancellationToken);
                return Results.Created($"/api/sample/notes/{id}", new { id });
            })
            .WithName("RecordSampleNote").WithSummary("Record a note; answers with its id")
            .WithRequestExample(new NewNote("The first note."))
            .RequireAuthorization(Policies.StaffOnly);
    }

    internal sealed record NewNote(string? Text);
}
