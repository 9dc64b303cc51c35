using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.DemoData;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Accounts.ScaleData;

/// <summary>
/// People at scale: a fifth of them the ombudsman's staff, in teams of about a dozen, each team under a manager who
/// reports to one of a few heads of service (casework teams are caseworkers; up to 30 coaches across the office), and
/// the rest the partner organisations' complaint handlers, with one lead per organisation. Every account signs in with
/// the demo password; its hash is computed once and shared, since hashing 5,000 passwords would take minutes.
/// </summary>
internal static class ScalePeople
{
    /// <summary>Scale accounts' email domain for staff (partners' is their organisation's, under .example).</summary>
    public const string StaffDomain = "staff.ombudsman.example";

    public static async Task<string?> SeedAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AccountsDbContext>();
        if (plan.People == 0 || await db.HasScaleDataAsync(cancellationToken))
        {
            return null;
        }

        var users = services.GetRequiredService<UserManager<Person>>();
        var faker = plan.FakerFor(AccountsDbContext.Module);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var passwordHash = users.PasswordHasher.HashPassword(new Person(), DemoPeople.Password);
        var rows = new List<object>();
        var people = 0;
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        Person Add(string domain, Guid? teamId, Guid? managerId, Guid? organisationId, params string[] roles)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var local = $"{first}.{last}".ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace(' ', '-');
            var email = $"{local}@{domain}";
            for (var n = 2; !emails.Add(email); n++)
            {
                email = $"{local}{n}@{domain}";
            }

            var person = new Person
            {
                Id = Guid.CreateVersion7(now), DisplayName = $"{first} {last}", UserName = email, NormalizedUserName = users.NormalizeName(email),
                Email = email, NormalizedEmail = users.NormalizeEmail(email), EmailConfirmed = true, LockoutEnabled = true,
                PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
                TeamId = teamId, LineManagerId = managerId, OrganisationId = organisationId, CreatedAt = now.AddDays(-faker.Random.Int(30, 2_000)),
                // One in fifty has left: still on records, unable to sign in.
                IsActive = faker.Random.Double() >= 0.02,
            };
            if (!person.IsActive)
            {
                person.LockoutEnd = DateTimeOffset.MaxValue;
            }

            rows.Add(person);
            rows.AddRange(roles.Select(role => new IdentityUserRole<Guid> { UserId = person.Id, RoleId = AccountsDbContext.RoleIds[role] }));
            people++;
            return person;
        }

        var staff = Math.Max(20, plan.People / 5);
        var heads = Enumerable.Range(0, Math.Max(1, staff / 150)).Select(_ => Add(StaffDomain, null, null, null, Roles.Staff, Roles.Manager)).ToList();
        var coaches = 0;
        for (var teamNumber = 1; people < staff; teamNumber++)
        {
            var casework = teamNumber % 5 is not (0 or 4);
            var name = casework ? $"Casework team {teamNumber + 2}" : faker.PickRandom("Clinical advice", "Insight and publication", "People and culture", "Corporate services", "Legal", "Customer care") + $" {teamNumber}";
            var team = new Team { Id = Guid.CreateVersion7(now), Name = name, NameKey = Team.KeyOf(name) };
            rows.Add(team);
            var manager = Add(StaffDomain, team.Id, heads[teamNumber % heads.Count].Id, null, Roles.Staff, Roles.Manager);
            for (var member = 0; member < 11 && people < staff; member++)
            {
                var roles = new List<string> { Roles.Staff };
                if (casework)
                {
                    roles.Add(Roles.Caseworker);
                }
                else if (name.StartsWith("Insight", StringComparison.Ordinal))
                {
                    roles.Add(Roles.Publisher);
                }

                if (coaches < 30 && faker.Random.Double() < 0.05)
                {
                    roles.Add(Roles.Coach);
                    coaches++;
                }

                Add(StaffDomain, team.Id, manager.Id, null, [.. roles]);
            }
        }

        var partners = await services.GetRequiredService<IMediator>().Send(new ListOrganisations(IsPartner: true), cancellationToken);
        for (var i = 0; people < plan.People && partners.Count > 0; i++)
        {
            var organisation = partners[i % partners.Count];
            var domain = string.Concat(organisation.Name.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c))) + ".example";
            Add(domain, null, null, organisation.Id, i < partners.Count ? Roles.PartnerLead : Roles.PartnerHandler);
        }

        await db.SaveInBatchesAsync(rows, cancellationToken, 2_000);
        return $"{people:N0} people ({staff:N0} staff in {rows.OfType<Team>().Count():N0} teams, {people - staff:N0} at {partners.Count:N0} partner organisations)";
    }
}
