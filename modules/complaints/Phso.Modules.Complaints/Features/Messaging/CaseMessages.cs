using MediatR;
using Phso.Modules.Notifications.Contracts;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Complaints.Features.Messaging;

/// <summary>An email to the complainant, raised in the same transaction as the case change it reports and sent by
/// the notifications module once that change is committed (this module's outbox delivers it to the handler below).</summary>
internal sealed record EmailComplainant(Guid ComplaintId, string ToAddress, string ToName, string Subject, string Body) : IIntegrationEvent;

/// <summary>An in-app notification to a person with an account (a caseworker, a partner lead) about a case, raised the same way.</summary>
internal sealed record NotifyPerson(Guid PersonId, string Title, string Body, string Link) : IIntegrationEvent;

internal sealed class SendComplainantEmail(IMediator mediator) : INotificationHandler<EmailComplainant>
{
    public Task Handle(EmailComplainant notification, CancellationToken cancellationToken) =>
        mediator.Send(new SendEmail(notification.ToAddress, notification.ToName, notification.Subject, notification.Body), cancellationToken);
}

internal sealed class SendPersonNotification(IMediator mediator) : INotificationHandler<NotifyPerson>
{
    public Task Handle(NotifyPerson notification, CancellationToken cancellationToken) =>
        mediator.Send(new SendNotification(notification.PersonId, notification.Title, notification.Body, notification.Link, AlsoByEmail: false), cancellationToken);
}
