using MediatR;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Accounts.Pages.Admin.People;

/// <summary>What the add and change pages post.</summary>
public sealed class PersonForm
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public PersonKind? Kind { get; set; }
    public IList<string> StaffRoles { get; set; } = [];
    public string? PartnerRole { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? LineManagerId { get; set; }
    public Guid? OrganisationId { get; set; }
    public int Version { get; set; }

    public static PersonForm From(PersonSummary p, int version) => new()
    {
        DisplayName = p.DisplayName,
        Email = p.Email,
        Kind = p.IsStaff ? PersonKind.Staff : PersonKind.Partner,
        StaffRoles = [.. p.Roles.Where(r => r != Roles.Staff && Roles.StaffRoles.Contains(r))],
        PartnerRole = p.Roles.FirstOrDefault(r => Roles.PartnerRoles.Contains(r)),
        TeamId = p.TeamId,
        LineManagerId = p.LineManagerId,
        OrganisationId = p.OrganisationId,
        Version = version,
    };
}

/// <summary>The lists the person form offers, read from accounts and the organisation register.</summary>
public sealed class PersonChoices
{
    public static IReadOnlyList<ChoiceItem> Kinds { get; } =
    [
        new(nameof(PersonKind.Staff), "A member of the ombudsman's staff"),
        new(nameof(PersonKind.Partner), "Someone from a partner organisation", "A complaint handler or lead at an NHS body or government department"),
    ];

    public static IReadOnlyList<ChoiceItem> StaffRoles { get; } =
        [.. Roles.StaffRoles.Where(r => r != Roles.Staff).Select(r => new ChoiceItem(r, Roles.Describe(r)))];

    public static IReadOnlyList<ChoiceItem> PartnerRoles { get; } =
        [.. Roles.PartnerRoles.Select(r => new ChoiceItem(r, Roles.Describe(r)))];

    public IReadOnlyList<ChoiceItem> Teams { get; private init; } = [];
    public IReadOnlyList<ChoiceItem> LineManagers { get; private init; } = [];
    public IReadOnlyList<ChoiceItem> Organisations { get; private init; } = [];

    public static async Task<PersonChoices> LoadAsync(IMediator mediator, Guid? except, CancellationToken cancellationToken)
    {
        var teams = await mediator.Send(new GetTeams(), cancellationToken);
        var staff = (await mediator.Send(new FindPeople(Role: Roles.Staff), cancellationToken)).Where(p => p.Id != except);
        var partners = await mediator.Send(new ListOrganisations(IsPartner: true), cancellationToken);
        return new PersonChoices
        {
            Teams = [.. teams.Select(t => new ChoiceItem(t.Id.ToString(), t.Name))],
            LineManagers = [.. staff.Select(p => new ChoiceItem(p.Id.ToString(), $"{p.DisplayName} ({p.Email})"))],
            Organisations = [.. partners.Select(o => new ChoiceItem(o.Id.ToString(), o.Name))],
        };
    }
}

/// <summary>The model of the shared fields partial: the form is bound under the name "Input".</summary>
public sealed class PersonFieldsModel
{
    public PersonForm Input { get; set; } = new();
    public PersonChoices Choices { get; set; } = new();
}
