using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Organisations.Domain;
using Phso.Modules.Organisations.Persistence;

namespace Phso.Modules.Organisations.Features.FindOrganisations;

/// <summary>One body of the register, kept with the other reference data (every case page and local-standard page asks).</summary>
internal sealed class GetOrganisationHandler(OrganisationsDbContext db, SharedKernel.Persistence.ReferenceDataCache<OrganisationsDbContext> cache) : IRequestHandler<GetOrganisation, OrganisationSummary?>
{
    public async Task<OrganisationSummary?> Handle(GetOrganisation request, CancellationToken cancellationToken) =>
        (await cache.GetOrReadAsync(request, async () => new Found((await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.Id, cancellationToken))?.ToSummary()))).Organisation;

    // Wrapped so that "no such body" is kept too (the cache keeps no null).
    private sealed record Found(OrganisationSummary? Organisation);
}

internal sealed class GetOrganisationsHandler(OrganisationsDbContext db) : IRequestHandler<GetOrganisations, IReadOnlyList<OrganisationSummary>>
{
    public async Task<IReadOnlyList<OrganisationSummary>> Handle(GetOrganisations request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.Distinct().ToList();
        var found = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.NameKey).ToListAsync(cancellationToken);
        return [.. found.Select(o => o.ToSummary())];
    }
}

internal sealed class FindOrganisationsByNameHandler(OrganisationsDbContext db) : IRequestHandler<FindOrganisationsByName, IReadOnlyList<OrganisationSummary>>
{
    public async Task<IReadOnlyList<OrganisationSummary>> Handle(FindOrganisationsByName request, CancellationToken cancellationToken)
    {
        var keys = request.Names.Where(n => !string.IsNullOrWhiteSpace(n) && n.Length <= 200).Select(Organisation.KeyOf).Distinct().Take(200).ToList();
        var found = await db.Organisations.AsNoTracking().Where(o => keys.Contains(o.NameKey) && o.ClosedOn == null).OrderBy(o => o.NameKey).ToListAsync(cancellationToken);
        return [.. found.Select(o => o.ToSummary())];
    }
}

internal sealed class FindOrganisationsHandler(OrganisationsDbContext db) : IRequestHandler<Contracts.FindOrganisations, OrganisationPage>
{
    public async Task<OrganisationPage> Handle(Contracts.FindOrganisations request, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, 200);
        var page = Math.Max(1, request.Page);
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.NameContains))
        {
            var term = Organisation.KeyOf(request.NameContains);
            query = query.Where(o => o.NameKey.Contains(term) || o.OdsCode == term);
        }

        if (request.Sector is { } sector)
        {
            query = query.Where(o => o.Sector == sector);
        }

        if (request.Type is { } type)
        {
            query = query.Where(o => o.Type == type);
        }

        if (request.Nation is { } nation)
        {
            query = query.Where(o => o.Nation == nation);
        }

        if (request.InRemit is { } inRemit)
        {
            query = query.Where(o => o.InRemit == inRemit);
        }

        if (request.IsPartner is { } isPartner)
        {
            query = query.Where(o => o.IsPartner == isPartner);
        }

        if (!request.IncludeClosed)
        {
            query = query.Where(o => o.ClosedOn == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(o => o.NameKey).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new OrganisationPage([.. items.Select(o => o.ToSummary())], total, page, pageSize);
    }
}

internal sealed class ListOrganisationsHandler(OrganisationsDbContext db, SharedKernel.Persistence.ReferenceDataCache<OrganisationsDbContext> cache)
    : IRequestHandler<ListOrganisations, IReadOnlyList<OrganisationSummary>>
{
    public Task<IReadOnlyList<OrganisationSummary>> Handle(ListOrganisations request, CancellationToken cancellationToken) =>
        cache.GetOrReadAsync<IReadOnlyList<OrganisationSummary>>(request, async () =>
        {
            var query = db.Organisations.AsNoTracking().Where(o => o.ClosedOn == null);
            if (request.InRemit is { } inRemit)
            {
                query = query.Where(o => o.InRemit == inRemit);
            }

            if (request.IsPartner is { } isPartner)
            {
                query = query.Where(o => o.IsPartner == isPartner);
            }

            return [.. (await query.OrderBy(o => o.NameKey).ToListAsync(cancellationToken)).Select(o => o.ToSummary())];
        });
}
