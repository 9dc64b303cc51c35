using MediatR;
using Phso.SharedKernel.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;
using Phso.SharedKernel.Web;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Organisations.Pages.Organisations;

[Authorize(Policy = Policies.StaffOnly)]
public sealed class IndexModel(IMediator mediator) : PhsoPageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Sector? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public OrganisationType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Nation? Nation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Remit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Partner { get; set; }

    [BindProperty(SupportsGet = true)]
    public IList<string> Show { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public OrganisationPage Results { get; private set; } = new([], 0, 1, PageSize);

    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Results.Total / (double)PageSize));

    public IReadOnlyList<ChoiceItem> RemitChoices { get; } = [new("", "Any"), new("in", "In remit"), new("out", "Not in remit")];

    public IReadOnlyList<ChoiceItem> PartnerChoices { get; } = [new("", "Any"), new("yes", "Partners"), new("no", "Not partners")];

    public IReadOnlyList<ChoiceItem> ShowChoices { get; } = [new("closed", "Include organisations that have closed")];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A filter in the address that does not make sense: say so, and list without it.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Results = await mediator.Send(
            new FindOrganisations(
                Search,
                ModelState.GetFieldValidationState(nameof(Sector)) == ModelValidationState.Invalid ? null : Sector,
                ModelState.GetFieldValidationState(nameof(Type)) == ModelValidationState.Invalid ? null : Type,
                ModelState.GetFieldValidationState(nameof(Nation)) == ModelValidationState.Invalid ? null : Nation,
                Remit switch { "in" => true, "out" => false, _ => null },
                Partner switch { "yes" => true, "no" => false, _ => null },
                Show.Contains("closed"),
                Math.Max(1, PageNumber),
                PageSize),
            cancellationToken);
    }
}
