using MediatR;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Features.IssueRecommendations;

/// <summary>A decided case as recommendations need it: upheld or partly upheld, about a body in the register (whose
/// nation's calendar sets working-day due dates).</summary>
internal sealed record CaseForRecommendations(DecidedCaseFacts Facts, bool IsPartner);

/// <summary>Finds the decided case a caseworker is writing recommendations for, and refuses, with what to do, a case
/// that cannot have them.</summary>
internal sealed class RecommendationCases(IMediator mediator)
{
    public async Task<CaseForRecommendations> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var decided = await mediator.Send(new GetDecidedCase(reference), cancellationToken)
            ?? throw new NotFoundException($"There is no decided case with the reference {reference}.");
        if (decided.Outcome is not (ComplaintOutcome.Upheld or ComplaintOutcome.PartlyUpheld))
        {
            throw new RuleViolationException($"The complaint was decided as {decided.Outcome.Describe().ToLowerInvariant()}: recommendations are made only when a complaint is upheld or partly upheld.");
        }

        if (decided.OrganisationId is not { } organisationId || await mediator.Send(new GetOrganisation(organisationId), cancellationToken) is not { } body)
        {
            throw new RuleViolationException($"The case is not linked to {decided.BodyName} in the register. Link the body on the case page first, so that the recommendations can be sent to it.");
        }

        return new CaseForRecommendations(
            new DecidedCaseFacts(decided.ComplaintId, decided.Reference, body.Id, body.Name, body.Sector, decided.DecisionDate, body.Nation), body.IsPartner);
    }
}
