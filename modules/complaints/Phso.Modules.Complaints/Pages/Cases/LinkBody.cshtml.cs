using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>Links the body a complaint names to the organisation register: search, choose, or add it to the register.</summary>
public sealed class LinkBodyModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>Set when coming back from adding the organisation to the register.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    [BindProperty]
    public LinkForm Input { get; set; } = new();

    public IReadOnlyList<ChoiceItem> Matches { get; private set; } = [];

    public override string Title => "Link the body to the register";
    protected override string Done => "The body is linked to the register. The checks have been run again.";
    protected override IRequest<Unit> Command() => new LinkBody(Reference, Version, Input.OrganisationId);

    protected override void Prepare()
    {
        Search ??= Case.Complaint.BodyName;
        Input = new LinkForm { OrganisationId = Organisation };
    }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Result is PageResult)
        {
            var term = Organisation is { } chosen ? (await Mediator.Send(new GetOrganisation(chosen)))?.Name : Search;
            if (!string.IsNullOrWhiteSpace(term))
            {
                var found = await Mediator.Send(new FindOrganisations(term, PageSize: 20));
                Matches = [.. found.Items.Select(o => new ChoiceItem(o.Id.ToString(), o.Name, $"{o.Type.Describe()}, {o.Nation.Describe()}{(o.InRemit ? "" : ", not in remit")}"))];
            }
        }
    }

    public sealed class LinkForm
    {
        public Guid? OrganisationId { get; set; }
    }
}
