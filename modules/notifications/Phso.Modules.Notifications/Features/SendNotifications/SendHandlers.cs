using FluentValidation;
using MediatR;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Notifications.Contracts;
using Phso.Modules.Notifications.Domain;
using Phso.Modules.Notifications.Persistence;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Notifications.Features.SendNotifications;

internal sealed class SendNotificationValidator : AbstractValidator<SendNotification>
{
    public SendNotificationValidator()
    {
        RuleFor(n => n.Title).NotEmpty().MaximumLength(200);
        RuleFor(n => n.Body).NotEmpty().MaximumLength(2000);
        RuleFor(n => n.Link).Must(l => l is null || (l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal))).WithMessage("A notification links only to a page of this service");
    }
}

internal sealed class SendNotificationsValidator : AbstractValidator<Contracts.SendNotifications>
{
    public SendNotificationsValidator()
    {
        RuleFor(n => n.Notifications).NotNull().Must(n => n.Count <= Contracts.SendNotifications.MaximumCount)
            .WithMessage($"Send at most {Contracts.SendNotifications.MaximumCount} notifications at a time");
        RuleForEach(n => n.Notifications).NotNull().SetValidator(new SendNotificationValidator());
    }
}

internal sealed class SendEmailValidator : AbstractValidator<SendEmail>
{
    public SendEmailValidator()
    {
        RuleFor(e => e.ToAddress).NotEmpty().EmailAddress();
        RuleFor(e => e.Subject).NotEmpty().MaximumLength(300);
        RuleFor(e => e.Body).NotEmpty();
    }
}

/// <summary>Writes emails into the queue; the queue job sends them.</summary>
internal sealed class Mailbox(NotificationsDbContext db, TimeProvider clock)
{
    public void Queue(string address, string name, string subject, string body)
    {
        var now = clock.GetUtcNow();
        db.Emails.Add(new QueuedEmail
        {
            Id = Guid.CreateVersion7(now), ToAddress = address, ToName = name, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now,
        });
    }
}

/// <summary>Writes a notification, and its email when asked, into the unit of work.</summary>
internal sealed class NotificationWriter(NotificationsDbContext db, Mailbox mailbox, PublicUrls urls, TimeProvider clock)
{
    public Guid Write(SendNotification request, PersonSummary? recipient)
    {
        var now = clock.GetUtcNow();
        var notification = new Notification { Id = Guid.CreateVersion7(now), RecipientId = request.RecipientId, Title = request.Title, Body = request.Body, Link = request.Link, CreatedAt = now };
        db.Notifications.Add(notification);
        if (request.AlsoByEmail && recipient is { IsActive: true } person)
        {
            var link = request.Link is null ? "" : $"\n\nOpen it here: {urls.Absolute(request.Link)}";
            mailbox.Queue(person.Email, person.DisplayName, request.Title, $"Dear {person.DisplayName},\n\n{request.Body}{link}\n\nYou can see all your notifications at {urls.Absolute("/notifications")}.\n");
        }

        return notification.Id;
    }
}

internal sealed class SendNotificationHandler(NotificationWriter writer, IMediator mediator) : IRequestHandler<SendNotification, Guid>
{
    public async Task<Guid> Handle(SendNotification request, CancellationToken cancellationToken) =>
        writer.Write(request, request.AlsoByEmail ? await mediator.Send(new GetPerson(request.RecipientId), cancellationToken) : null);
}

internal sealed class SendNotificationsHandler(NotificationWriter writer, IMediator mediator) : IRequestHandler<Contracts.SendNotifications, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(Contracts.SendNotifications request, CancellationToken cancellationToken)
    {
        var emailed = request.Notifications.Where(n => n.AlsoByEmail).Select(n => n.RecipientId).Distinct().ToList();
        var people = emailed.Count == 0 ? [] : (await mediator.Send(new GetPeople(emailed), cancellationToken)).ToDictionary(p => p.Id);
        return [.. request.Notifications.Select(n => writer.Write(n, n.AlsoByEmail ? people.GetValueOrDefault(n.RecipientId) : null))];
    }
}

internal sealed class SendEmailHandler(Mailbox mailbox) : IRequestHandler<SendEmail, Unit>
{
    public Task<Unit> Handle(SendEmail request, CancellationToken cancellationToken)
    {
        mailbox.Queue(request.ToAddress, request.ToName, request.Subject, request.Body);
        return Task.FromResult(Unit.Value);
    }
}

/// <summary>Invitations from the accounts module, sent as email.</summary>
internal sealed class SendInvitationEmail(Mailbox mailbox) : INotificationHandler<PersonInvited>
{
    public Task Handle(PersonInvited notification, CancellationToken cancellationToken)
    {
        mailbox.Queue(notification.Email, notification.DisplayName, "Your account on the ombudsman's casework and learning service",
            $"Dear {notification.DisplayName},\n\nAn account has been created for you. Choose your password with this link:\n\n{notification.SetPasswordLink}\n\n" +
            $"The link works once, until {notification.LinkExpiresAt.UtcDateTime:d MMMM yyyy HH:mm} UTC. If it has expired, use 'I have forgotten my password' on the sign-in page.\n");
        return Task.CompletedTask;
    }
}

/// <summary>Password reset links from the accounts module, sent as email.</summary>
internal sealed class SendPasswordResetEmail(Mailbox mailbox) : INotificationHandler<PasswordResetRequested>
{
    public Task Handle(PasswordResetRequested notification, CancellationToken cancellationToken)
    {
        mailbox.Queue(notification.Email, notification.DisplayName, "Reset your password",
            $"Dear {notification.DisplayName},\n\nSomeone (we hope you) asked to reset your password. Choose a new one with this link:\n\n{notification.ResetLink}\n\n" +
            $"The link works once, until {notification.LinkExpiresAt.UtcDateTime:d MMMM yyyy HH:mm} UTC. If you did not ask for this, you can ignore this email: your password has not changed.\n");
        return Task.CompletedTask;
    }
}
