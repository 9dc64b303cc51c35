using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Features.FindPeople;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Accounts.Pages.Admin.People;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IMediator mediator) : PhsoPageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public IList<string> Show { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public PeoplePage Results { get; private set; } = new([], 0, 1, PageSize);

    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Results.Total / (double)PageSize));

    public IReadOnlyList<ChoiceItem> RoleChoices { get; } = [.. Roles.All.Select(r => new ChoiceItem(r, Roles.Describe(r)))];

    public IReadOnlyList<ChoiceItem> ShowChoices { get; } = [new("inactive", "Include people who have left")];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var role = Role is not null && Roles.All.Contains(Role) ? Role : null;
        if (Role is not null && role is null)
        {
            ModelState.AddModelError(nameof(Role), "Select a role from the list");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Results = await mediator.Send(new SearchPeople(Search, role, Show.Contains("inactive"), Math.Max(1, PageNumber), PageSize), cancellationToken);
    }
}
