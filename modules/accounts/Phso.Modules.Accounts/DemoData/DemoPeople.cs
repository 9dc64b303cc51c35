using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.Modules.Accounts.Features.ManageTeams;
using Phso.Modules.Accounts.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Accounts.DemoData;

/// <summary>One demo account per role (listed in the README), with teams and line managers. Written only by a demo
/// host, never in Production; all share the demo password below.</summary>
public static class DemoPeople
{
    /// <summary>The password of every demo account. Demo use only.</summary>
    public const string Password = "Demo-Password-2026";

    /// <summary>The demo accounts: email, name and the role each demonstrates.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ("admin@ombudsman.example", "Priya Shah", Roles.Admin),
        ("caseworker@ombudsman.example", "Tom Okafor", Roles.Caseworker),
        ("publisher@ombudsman.example", "Grace Lin", Roles.Publisher),
        ("manager@ombudsman.example", "Sam Hughes", Roles.Manager),
        ("coach@ombudsman.example", "Rosa Mendes", Roles.Coach),
        ("edilead@ombudsman.example", "Femi Adeyemi", Roles.EdiLead),
        ("staff@ombudsman.example", "Alex Murray", Roles.Staff),
        ("partnerlead@coldharbour.example", "Helen Brooks", Roles.PartnerLead),
        ("partnerhandler@coldharbour.example", "Imran Qureshi", Roles.PartnerHandler),
    ];

    internal static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AccountsDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var mediator = services.GetRequiredService<IMediator>();
        var teams = new Dictionary<string, Guid>();
        foreach (var team in new[] { "Casework team 1", "Casework team 2", "Publication and insight", "People and culture", "Corporate services" })
        {
            teams[team] = await mediator.Send(new CreateTeam(team), cancellationToken);
        }

        var coldharbour = (await mediator.Send(new FindOrganisations("Coldharbour Teaching Hospitals"), cancellationToken)).Items.Single().Id;
        var ids = new Dictionary<string, Guid>();

        async Task Add(string email, string name, string[] staffRoles, string? partnerRole, string? team, string? managerEmail)
        {
            ids[email] = await mediator.Send(
                new CreatePerson(
                    name, email, partnerRole is null ? PersonKind.Staff : PersonKind.Partner, staffRoles, partnerRole,
                    team is null ? null : teams[team], managerEmail is null ? null : ids[managerEmail], partnerRole is null ? null : coldharbour),
                cancellationToken);
        }

        await Add("admin@ombudsman.example", "Priya Shah", [Roles.Admin], null, "Corporate services", null);
        await Add("manager@ombudsman.example", "Sam Hughes", [Roles.Manager], null, "Casework team 1", null);
        await Add("caseworker@ombudsman.example", "Tom Okafor", [Roles.Caseworker], null, "Casework team 1", "manager@ombudsman.example");
        await Add("staff@ombudsman.example", "Alex Murray", [], null, "Casework team 1", "manager@ombudsman.example");
        await Add("publisher@ombudsman.example", "Grace Lin", [Roles.Publisher], null, "Publication and insight", "manager@ombudsman.example");
        await Add("coach@ombudsman.example", "Rosa Mendes", [Roles.Coach], null, "People and culture", "admin@ombudsman.example");
        await Add("edilead@ombudsman.example", "Femi Adeyemi", [Roles.EdiLead], null, "People and culture", "admin@ombudsman.example");
        await Add("partnerlead@coldharbour.example", "Helen Brooks", [], Roles.PartnerLead, null, null);
        await Add("partnerhandler@coldharbour.example", "Imran Qureshi", [], Roles.PartnerHandler, null, null);
        // Two more of Coldharbour's complaint handlers, so its team's training has some to show.
        await Add("nadia.hussain@coldharbour.example", "Nadia Hussain", [], Roles.PartnerHandler, null, null);
        await Add("owen.price@coldharbour.example", "Owen Price", [], Roles.PartnerHandler, null, null);

        // Demo accounts get the published demo password directly rather than through an emailed invitation.
        var users = services.GetRequiredService<UserManager<Person>>();
        foreach (var id in ids.Values)
        {
            var person = await users.FindByIdAsync(id.ToString());
            PersonRules.Succeeded(await users.AddPasswordAsync(person!, Password));
        }
    }
}
