using MediatR;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Complaints.Contracts;

namespace Phso.Modules.Complaints.Pages.MyComplaint;

public sealed class IndexModel(IMediator mediator) : ComplainantPage(mediator)
{
    /// <summary>What the body was asked to do for the complainant and whether it was done (from the recommendations
    /// module, when it is there), once the link has been checked.</summary>
    public IReadOnlyList<RemedyForComplainant> Remedies { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        await base.OnPageHandlerExecutionAsync(context, async () =>
        {
            if (Case.Complaint.Outcome is ComplaintOutcome.Upheld or ComplaintOutcome.PartlyUpheld
                && HttpContext.RequestServices.GetService<IRequestHandler<GetRemediesForComplainant, IReadOnlyList<RemedyForComplainant>>>() is not null)
            {
                Remedies = await Mediator.Send(new GetRemediesForComplainant(Case.Complaint.Reference), HttpContext.RequestAborted);
            }

            return await next();
        });
    }
}
