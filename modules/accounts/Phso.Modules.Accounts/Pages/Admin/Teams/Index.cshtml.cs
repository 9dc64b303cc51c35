using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Accounts.Features.ManageTeams;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Admin.Teams;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IMediator mediator) : PhsoPageModel
{
    public IReadOnlyList<TeamSummary> Teams { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> Members { get; private set; } = new Dictionary<Guid, int>();

    [BindProperty]
    public NewTeamForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Teams = await mediator.Send(new GetTeams(), cancellationToken);
        var staff = await mediator.Send(new FindPeople(Role: Roles.Staff), cancellationToken);
        Members = staff.Where(p => p.TeamId is not null).GroupBy(p => p.TeamId!.Value).ToDictionary(g => g.Key, g => g.Count());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new CreateTeam(Input.Name ?? ""), cancellationToken), "Input"))
        {
            SuccessMessage = $"The team {Input.Name!.Trim()} has been added.";
            return Redirect("/admin/teams");
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public sealed class NewTeamForm
    {
        public string? Name { get; set; }
    }
}
