using MediatR;
using Phso.SharedKernel.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Organisations.Api;

/// <summary>JSON API over the register: read for staff, maintain for admins. Refusals come back as problem details.</summary>
internal static class OrganisationsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/organisations").WithTags("Organisations");

        api.MapGet("/", (IMediator mediator, string? name, Sector? sector, OrganisationType? type, Nation? nation, bool? inRemit, bool? partner, bool? includeClosed, int? page, int? pageSize, CancellationToken cancellationToken) =>
                mediator.Send(new FindOrganisations(name, sector, type, nation, inRemit, partner, includeClosed ?? false, page ?? 1, pageSize ?? 50), cancellationToken))
            .WithName("FindOrganisations").WithSummary("Find organisations in the register by name, sector, type, nation and role, a page at a time")
            .RequireAuthorization(Policies.StaffOnly);

        api.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new GetOrganisation(id), cancellationToken) is { } organisation
                    ? Results.Ok(organisation)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no organisation with that id in the register."))
            .Produces<OrganisationSummary>()
            .WithName("GetOrganisation").WithSummary("One organisation in the register")
            .RequireAuthorization(Policies.StaffOnly);

        api.MapPost("/", async (RegisterOrganisation command, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var id = await mediator.Send(command, cancellationToken);
                return Results.Created($"/api/organisations/{id}", await mediator.Send(new GetOrganisation(id), cancellationToken));
            })
            .Produces<OrganisationSummary>(StatusCodes.Status201Created)
            .WithName("RegisterOrganisation").WithSummary("Add an organisation to the register")
            .WithRequestExample(new RegisterOrganisation("Northbrook Community Health NHS Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, false, "RNB"))
            .RequireAuthorization(OrganisationPolicies.Register);

        api.MapPut("/{id:guid}", async (Guid id, OrganisationChanges body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new UpdateOrganisation(id, body.Version, body.Name ?? "", body.Type, body.Sector, body.Nation, body.InRemit, body.IsPartner, body.OdsCode), cancellationToken);
                return Results.Ok(await mediator.Send(new GetOrganisation(id), cancellationToken));
            })
            .Produces<OrganisationSummary>()
            .WithName("UpdateOrganisation").WithSummary("Change an organisation's details")
            .WithRequestExample(new OrganisationChanges(3, "Northbrook Community Health NHS Foundation Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, true, "RNB"))
            .RequireAuthorization(Policies.Admin);

        api.MapPost("/{id:guid}/close", async (Guid id, Closure body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new CloseOrganisation(id, body.Version, body.Reason ?? ""), cancellationToken);
                return Results.Ok(await mediator.Send(new GetOrganisation(id), cancellationToken));
            })
            .Produces<OrganisationSummary>()
            .WithName("CloseOrganisation").WithSummary("Record that an organisation has closed, with the reason")
            .WithRequestExample(new Closure(4, "Merged into Northbrook and Eastvale NHS Trust on 1 April 2027."))
            .RequireAuthorization(Policies.Admin);

        api.MapPost("/{id:guid}/reopen", async (Guid id, Reopening body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new ReopenOrganisation(id, body.Version), cancellationToken);
                return Results.Ok(await mediator.Send(new GetOrganisation(id), cancellationToken));
            })
            .Produces<OrganisationSummary>()
            .WithName("ReopenOrganisation").WithSummary("Reopen an organisation recorded as closed")
            .WithRequestExample(new Reopening(5))
            .RequireAuthorization(Policies.Admin);
    }

    internal sealed record OrganisationChanges(int Version, string? Name, OrganisationType? Type, Sector? Sector, Nation? Nation, bool? InRemit, bool? IsPartner, string? OdsCode);

    internal sealed record Closure(int Version, string? Reason);

    internal sealed record Reopening(int Version);
}
