using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.LocalStandards;
using Phso.Modules.Complaints.Features.ReadCases;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Cases;

/// <summary>The case page: the complaint, the checks, the clocks, what was decided, the documents, the whole timeline,
/// a link to the audit trail, and the actions allowed at the current stage.</summary>
[Authorize(Policy = ComplaintsPolicies.ReadCasework)]
public sealed class CaseModel(IMediator mediator) : PhsoPageModel
{
    public CaseView Case { get; private set; } = default!;

    public bool CanWork => User.IsInRole(Roles.Caseworker);

    /// <summary>The organisation's own complaint standard(s), from partner plugins, measured against this case's dates.</summary>
    public IReadOnlyList<LocalStandardReport> LocalStandards { get; private set; } = [];

    /// <summary>For an open case: the body's systemic recommendations complied with in the last three years, so the
    /// caseworker can see whether a failing has come back (answered by the recommendations module when it is there).</summary>
    public IReadOnlyList<PastFailing> PastFailings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCase(reference), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Case = view;
        LocalStandards = await mediator.Send(new GetLocalStandards(view.Complaint.BodyName, MilestoneDates.Of(view.Complaint), MilestoneDates.AnswersOf(view.Complaint)), cancellationToken);
        if (CaseStages.IsOpen(view.Complaint.Stage) && view.Complaint.OrganisationId is { } body && Answered<GetPastFailings, IReadOnlyList<PastFailing>>())
        {
            PastFailings = await mediator.Send(new GetPastFailings(body, CaseTime.From(HttpContext.RequestServices.GetRequiredService<TimeProvider>()).Today.AddYears(-3)), cancellationToken);
        }
        return Page();
    }

    private bool Answered<TRequest, TAnswer>()
        where TRequest : IRequest<TAnswer> => HttpContext.RequestServices.GetService<IRequestHandler<TRequest, TAnswer>>() is not null;
}
