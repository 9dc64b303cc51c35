using MediatR;
using Microsoft.Extensions.Options;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Organisations.Contracts;

namespace Phso.Modules.Complaints.Features.WorkCases;

/// <summary>Runs the eligibility engine on a case, with what the organisation register says about its body.</summary>
internal sealed class Eligibility(IMediator mediator, IOptions<ComplaintsOptions> options)
{
    public async Task<IReadOnlyList<CheckResult>> RunAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var inRemit = complaint.OrganisationId is { } id && await mediator.Send(new GetOrganisation(id), cancellationToken) is { InRemit: true };
        return EligibilityEngine.Run(complaint.EligibilityFacts(inRemit), options.Value.Rules);
    }
}
