using CsvHelper;
using MediatR;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Reports;

/// <summary>The signed-in partner lead's own organisation's people's training; never another organisation's.</summary>
[RequiresPolicy(TrainingPolicies.Organisation)]
public sealed record GetOrganisationTraining : IQuery<PeopleTraining>;

internal sealed class GetOrganisationTrainingHandler(IMediator mediator, ICurrentUser me, PeopleReportBuilder reports) : IRequestHandler<GetOrganisationTraining, PeopleTraining>
{
    public async Task<PeopleTraining> Handle(GetOrganisationTraining request, CancellationToken cancellationToken)
    {
        // A lead without an organisation sees nobody, rather than everybody.
        var people = me.OrganisationId is { } organisation ? await mediator.Send(new FindPeople(OrganisationId: organisation), cancellationToken) : [];
        return await reports.ReportAsync("Your organisation's training", people, null, cancellationToken);
    }
}
