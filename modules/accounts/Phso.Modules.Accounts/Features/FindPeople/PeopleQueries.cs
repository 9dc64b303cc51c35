using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Persistence;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Accounts.Features.FindPeople;

/// <summary>Turns people into summaries with their roles and team names, in two small queries whatever the number:
/// only the columns a summary shows (never the password hash), and the roles joined in the database rather than sent
/// back as a list of ids (the queue's list of caseworkers is hundreds of people at a real office's size).</summary>
internal sealed class PeopleReader(AccountsDbContext db)
{
    private static readonly IReadOnlyDictionary<Guid, string> RoleNames = AccountsDbContext.RoleIds.ToDictionary(r => r.Value, r => r.Key);

    private static readonly IReadOnlyDictionary<string, int> RoleOrder = SharedKernel.Security.Roles.All.Select((role, i) => (role, i)).ToDictionary(r => r.role, r => r.i);

    public async Task<IReadOnlyList<PersonSummary>> SummariseAsync(IQueryable<Person> people, CancellationToken cancellationToken)
    {
        var found = await people.AsNoTracking().OrderBy(p => p.DisplayName).ThenBy(p => p.Email)
            .Select(p => new
            {
                p.Id, p.DisplayName, p.Email, p.TeamId, p.LineManagerId, p.OrganisationId, p.IsActive,
                TeamName = db.Teams.Where(t => t.Id == p.TeamId).Select(t => t.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Joined from the people's side, so the database starts from the people asked for (a manager's three reports,
        // or every caseworker) and looks up each one's roles, rather than testing every role held against the filter.
        var roles = (await people.AsNoTracking().Join(db.UserRoles, p => p.Id, r => r.UserId, (p, r) => new { r.UserId, r.RoleId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => RoleNames.GetValueOrDefault(r.RoleId, "?"));
        return [.. found.Select(p => new PersonSummary(
            p.Id, p.DisplayName, p.Email ?? "", [.. roles[p.Id].OrderBy(r => RoleOrder.GetValueOrDefault(r, int.MaxValue))],
            p.TeamId, p.TeamName, p.LineManagerId, p.OrganisationId, p.IsActive))];
    }
}

/// <summary>One person, kept with the other reference data (a sweep sending thousands of reminders asks for each
/// recipient's address).</summary>
internal sealed class GetPersonHandler(AccountsDbContext db, PeopleReader reader, ReferenceDataCache<AccountsDbContext> directory) : IRequestHandler<GetPerson, PersonSummary?>
{
    public async Task<PersonSummary?> Handle(GetPerson request, CancellationToken cancellationToken) =>
        (await directory.GetOrReadAsync(request, () => reader.SummariseAsync(db.Users.Where(p => p.Id == request.Id), cancellationToken))).SingleOrDefault();
}

internal sealed class GetPeopleHandler(AccountsDbContext db, PeopleReader reader) : IRequestHandler<GetPeople, IReadOnlyList<PersonSummary>>
{
    public Task<IReadOnlyList<PersonSummary>> Handle(GetPeople request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.Distinct().ToList();
        return reader.SummariseAsync(db.Users.Where(p => ids.Contains(p.Id)), cancellationToken);
    }
}

/// <summary>A manager's direct reports, kept with the other reference data (asked for on every view of the team's pages).</summary>
internal sealed class GetDirectReportsHandler(AccountsDbContext db, PeopleReader reader, ReferenceDataCache<AccountsDbContext> directory) : IRequestHandler<GetDirectReports, IReadOnlyList<PersonSummary>>
{
    public Task<IReadOnlyList<PersonSummary>> Handle(GetDirectReports request, CancellationToken cancellationToken) =>
        directory.GetOrReadAsync(request, () => reader.SummariseAsync(db.Users.Where(p => p.LineManagerId == request.ManagerId && p.IsActive), cancellationToken));
}

internal sealed class FindPeopleHandler(AccountsDbContext db, PeopleReader reader, ReferenceDataCache<AccountsDbContext> directory) : IRequestHandler<Contracts.FindPeople, IReadOnlyList<PersonSummary>>
{
    public Task<IReadOnlyList<PersonSummary>> Handle(Contracts.FindPeople request, CancellationToken cancellationToken) =>
        directory.GetOrReadAsync(request, () => ReadAsync(request, cancellationToken));

    private Task<IReadOnlyList<PersonSummary>> ReadAsync(Contracts.FindPeople request, CancellationToken cancellationToken)
    {
        var people = db.Users.AsQueryable();
        if (!request.IncludeInactive)
        {
            people = people.Where(p => p.IsActive);
        }

        if (request.Role is { } role)
        {
            var roleId = AccountsDbContext.RoleIds.GetValueOrDefault(role);
            people = people.Where(p => db.UserRoles.Any(r => r.UserId == p.Id && r.RoleId == roleId));
        }

        if (request.OrganisationId is { } organisation)
        {
            people = people.Where(p => p.OrganisationId == organisation);
        }

        if (request.TeamId is { } team)
        {
            people = people.Where(p => p.TeamId == team);
        }

        return reader.SummariseAsync(people, cancellationToken);
    }
}

internal sealed class GetTeamsHandler(AccountsDbContext db) : IRequestHandler<GetTeams, IReadOnlyList<TeamSummary>>
{
    public async Task<IReadOnlyList<TeamSummary>> Handle(GetTeams request, CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.NameKey).Select(t => new TeamSummary(t.Id, t.Name)).ToListAsync(cancellationToken);
}

/// <summary>The admin list of people: by name or email, role, and whether to include people who have left.</summary>
[SharedKernel.Messaging.RequiresPolicy(SharedKernel.Security.Policies.Admin)]
internal sealed record SearchPeople(string? Text, string? Role, bool IncludeInactive, int Page, int PageSize) : SharedKernel.Messaging.IQuery<PeoplePage>;

public sealed record PeoplePage(IReadOnlyList<PersonSummary> Items, int Total, int Page, int PageSize);

/// <summary>A person with the version the edit page needs.</summary>
[SharedKernel.Messaging.RequiresPolicy(SharedKernel.Security.Policies.Admin)]
internal sealed record GetPersonForEditing(Guid Id) : SharedKernel.Messaging.IQuery<PersonForEditing?>;

public sealed record PersonForEditing(PersonSummary Person, int Version, bool HasPassword, bool IsLockedOut);

internal sealed class SearchPeopleHandler(AccountsDbContext db, PeopleReader reader, ITextSearch search) : IRequestHandler<SearchPeople, PeoplePage>
{
    public async Task<PeoplePage> Handle(SearchPeople request, CancellationToken cancellationToken)
    {
        var people = db.Users.AsQueryable();
        if (!request.IncludeInactive)
        {
            people = people.Where(p => p.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            people = search.WhereAnyContains(people, request.Text, p => p.DisplayName, p => p.Email);
        }

        if (request.Role is { } role && AccountsDbContext.RoleIds.TryGetValue(role, out var roleId))
        {
            people = people.Where(p => db.UserRoles.Any(r => r.UserId == p.Id && r.RoleId == roleId));
        }

        var total = await people.CountAsync(cancellationToken);
        var page = Math.Max(1, request.Page);
        var ids = await people.OrderBy(p => p.DisplayName).Skip((page - 1) * request.PageSize).Take(request.PageSize).Select(p => p.Id).ToListAsync(cancellationToken);
        return new PeoplePage(await reader.SummariseAsync(db.Users.Where(p => ids.Contains(p.Id)), cancellationToken), total, page, request.PageSize);
    }
}

internal sealed class GetPersonForEditingHandler(AccountsDbContext db, PeopleReader reader, TimeProvider clock) : IRequestHandler<GetPersonForEditing, PersonForEditing?>
{
    public async Task<PersonForEditing?> Handle(GetPersonForEditing request, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var summary = (await reader.SummariseAsync(db.Users.Where(p => p.Id == request.Id), cancellationToken)).Single();
        return new PersonForEditing(summary, person.Version, person.PasswordHash is not null, person.IsActive && person.LockoutEnd > clock.GetUtcNow());
    }
}

/// <summary>People's names for the audit trail, so a history shows who was assigned rather than an id.</summary>
/// <summary>Names for the ids an audit trail mentions, from everyone's names kept together (a case's history names a
/// handful of people among many ids that are not people; one query per page for them was a tenth of a case page).</summary>
internal sealed class PersonNames(AccountsDbContext db, ReferenceDataCache<AccountsDbContext> kept) : SharedKernel.Auditing.IPersonNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesOfAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var everyone = await kept.GetOrReadAsync("person-names", () => db.Users.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken));
        return ids.Distinct().Where(everyone.ContainsKey).ToDictionary(id => id, id => everyone[id]);
    }
}
