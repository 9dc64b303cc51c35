using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Features.ManageTeams;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Admin.Teams;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(IMediator mediator) : PhsoPageModel
{
    public TeamForEditing Team { get; private set; } = default!;

    [BindProperty]
    public RenameForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetTeamForEditing(id), cancellationToken) is not { } team)
        {
            return NotFound();
        }

        Team = team;
        Input = new RenameForm { Name = team.Name, Version = team.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetTeamForEditing(id), cancellationToken) is not { } team)
        {
            return NotFound();
        }

        Team = team;
        if (await TryAsync(() => mediator.Send(new RenameTeam(id, Input.Version, Input.Name ?? ""), cancellationToken), "Input"))
        {
            SuccessMessage = "The team has been renamed.";
            return Redirect("/admin/teams");
        }

        if (ConcurrencyConflict)
        {
            ModelState.Remove("Input.Version");
            Input.Version = team.Version;
        }

        return Page();
    }

    public sealed class RenameForm
    {
        public string? Name { get; set; }
        public int Version { get; set; }
    }
}
