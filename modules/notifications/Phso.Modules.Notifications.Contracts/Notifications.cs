using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Notifications.Contracts;

/// <summary>Tells a person something in the service (the notification list and the count in the header) and, when
/// asked, by email as well. Returns the notification's id. Sent by modules on behalf of whoever acts.</summary>
/// <param name="RecipientId">The person (an account id).</param>
/// <param name="Title">One line, e.g. "Case PHSO-2026-0042 is assigned to you".</param>
/// <param name="Body">A few sentences of plain text.</param>
/// <param name="Link">Path in this service to act on it, e.g. "/cases/PHSO-2026-0042", or null.</param>
/// <param name="AlsoByEmail">Also email the person (to the address on their account).</param>
[AnyCaller]
public sealed record SendNotification(Guid RecipientId, string Title, string Body, string? Link, bool AlsoByEmail) : ICommand<Guid>;

/// <summary>Many notifications in one unit of work (a sweep's reminders): the recipients' addresses are read in one
/// query and everything is saved together. Returns the ids in the order given. At most
/// <see cref="MaximumCount"/> at a time.</summary>
[AnyCaller]
public sealed record SendNotifications(IReadOnlyList<SendNotification> Notifications) : ICommand<IReadOnlyList<Guid>>
{
    /// <summary>The most notifications one command may carry.</summary>
    public const int MaximumCount = 2000;
}

/// <summary>Emails someone who may have no account (a complainant, say). Queued, and retried if sending fails.</summary>
/// <param name="ToAddress">Email address.</param>
/// <param name="ToName">Name to address them by.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain text body.</param>
[AnyCaller]
public sealed record SendEmail(string ToAddress, string ToName, string Subject, string Body) : ICommand;
