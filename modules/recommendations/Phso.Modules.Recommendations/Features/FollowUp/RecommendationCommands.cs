using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Notifications.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Recommendations.Features.FollowUp;

/// <summary>A command on one recommendation, carrying the version the caller read: if someone changed it since, the
/// command is refused as a conflict and nothing is saved.</summary>
internal interface IRecommendationCommand
{
    Guid RecommendationId { get; }

    int? Version { get; }
}

/// <summary>A move the body makes: only a person of the recommendation's own organisation may make it, and to anyone
/// else the recommendation does not exist (404, exactly as an id that was never used).</summary>
internal interface IBodyCommand : IRecommendationCommand;

/// <summary>Every command on one recommendation checks the version it read.</summary>
internal abstract class RecommendationCommandValidator<T> : AbstractValidator<T>
    where T : IRecommendationCommand
{
    protected RecommendationCommandValidator() => RuleFor(c => c.Version).IsTheVersionRead("recommendation");
}

/// <summary>What the commands on one recommendation share: loading it (for the body, only its own), the version check,
/// who acts and when, and telling other modules and people what changed, in the same transaction.</summary>
internal sealed class RecommendationServices(RecommendationsDbContext db, ICurrentUser me, TimeProvider clock, IMediator mediator)
{
    public RecommendationsDbContext Db => db;
    public Actor Actor => new(me.Id, me.DisplayName);

    /// <summary>A person of the body, named with it in the history.</summary>
    public Actor BodyActor(Recommendation recommendation) => new(me.Id, $"{me.DisplayName} ({recommendation.BodyName})");
    public ICurrentUser Me => me;
    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => UkTime.Today(clock);

    public async Task<Recommendation> LoadAsync(Guid id, bool forBody, CancellationToken cancellationToken)
    {
        var organisation = me.OrganisationId;
        var found = await db.Recommendations.Include(r => r.Steps).Include(r => r.Files).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return found is null || (forBody && (organisation is null || found.OrganisationId != organisation || found.Status == RecommendationStatus.Draft))
            ? throw new NotFoundException("There is no such recommendation.")
            : found;
    }

    /// <summary>Publishes <see cref="RecommendationStatusChanged"/> when the status moved.</summary>
    public void StatusChanged(Recommendation recommendation, RecommendationStatus from)
    {
        if (recommendation.Status != from)
        {
            db.Publish(new RecommendationStatusChanged(recommendation.Id, recommendation.CaseReference, from, recommendation.Status, Now));
        }
    }

    /// <summary>An in-app notification, raised with the change and delivered once it is committed.</summary>
    public void Notify(Guid personId, string title, string body, string link)
    {
        if (personId != Guid.Empty)
        {
            db.Publish(new NotifyAboutRecommendation(personId, title, body, link));
        }
    }

    /// <summary>Tells the body's partner leads.</summary>
    public async Task NotifyBodyAsync(Recommendation recommendation, string title, string body, CancellationToken cancellationToken)
    {
        foreach (var lead in await mediator.Send(new FindPeople(Roles.PartnerLead, recommendation.OrganisationId), cancellationToken))
        {
            Notify(lead.Id, title, body, BodyLink(recommendation));
        }
    }

    public static string StaffLink(Recommendation recommendation) => $"/recommendations/{recommendation.Id}";

    public static string BodyLink(Recommendation recommendation) => $"/partner/recommendations/{recommendation.Id}";
}

/// <summary>The steps every command on one recommendation takes: load, version check, the move, then what changed is published.</summary>
internal abstract class RecommendationCommandHandler<TCommand>(RecommendationServices services) : IRequestHandler<TCommand, Unit>
    where TCommand : IRecommendationCommand, IRequest<Unit>
{
    protected RecommendationServices Services => services;

    public async Task<Unit> Handle(TCommand request, CancellationToken cancellationToken)
    {
        var recommendation = await services.LoadAsync(request.RecommendationId, request is IBodyCommand, cancellationToken);
        if (request.Version is { } version)
        {
            services.Db.ExpectVersion(recommendation, version);
            services.Db.Entry(recommendation).Property(r => r.Version).IsModified = true;
        }

        var from = recommendation.Status;
        await ApplyAsync(recommendation, request, cancellationToken);
        services.StatusChanged(recommendation, from);
        return Unit.Value;
    }

    protected abstract Task ApplyAsync(Recommendation recommendation, TCommand command, CancellationToken cancellationToken);
}

/// <summary>A notification to a person with an account about a recommendation, sent once the change is committed
/// (this module's outbox delivers it to the handler below).</summary>
internal sealed record NotifyAboutRecommendation(Guid PersonId, string Title, string Body, string Link) : IIntegrationEvent;

internal sealed class SendRecommendationNotification(IMediator mediator) : INotificationHandler<NotifyAboutRecommendation>
{
    public Task Handle(NotifyAboutRecommendation notification, CancellationToken cancellationToken) =>
        mediator.Send(new SendNotification(notification.PersonId, notification.Title, notification.Body, notification.Link, AlsoByEmail: true), cancellationToken);
}
