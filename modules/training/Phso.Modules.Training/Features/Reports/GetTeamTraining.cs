using CsvHelper;
using MediatR;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Reports;

/// <summary>The signed-in manager's direct reports' training.</summary>
[RequiresPolicy(TrainingPolicies.Team)]
public sealed record GetTeamTraining : IQuery<PeopleTraining>;

internal sealed class GetTeamTrainingHandler(IMediator mediator, ICurrentUser me, PeopleReportBuilder reports) : IRequestHandler<GetTeamTraining, PeopleTraining>
{
    public async Task<PeopleTraining> Handle(GetTeamTraining request, CancellationToken cancellationToken)
    {
        var people = me.Id is { } id ? await mediator.Send(new GetDirectReports(id), cancellationToken) : [];
        return await reports.ReportAsync("Your team's training", people, null, cancellationToken);
    }
}
