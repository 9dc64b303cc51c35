using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Phso.Modules.Notifications.Persistence;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Quartz;

namespace Phso.Modules.Notifications.Features.DeliverEmail;

/// <summary>Email settings (configuration section "Email").</summary>
public sealed class EmailOptions
{
    /// <summary>"PickupFolder" (default: .eml files, for development and demos) or "Smtp".</summary>
    public string Delivery { get; set; } = "PickupFolder";

    /// <summary>Where .eml files go, relative to the content root; by default "mail" in the data folder.</summary>
    public string? PickupFolder { get; set; }

    public string FromAddress { get; set; } = "no-reply@ombudsman.example";
    public string FromName { get; set; } = "Public Services Ombudsman";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpEnableSsl { get; set; } = true;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    public int PollIntervalSeconds { get; set; } = 10;
    public int MaxAttempts { get; set; } = 5;
}

/// <summary>Sends one email. The queue and its retries are in front of it.</summary>
public interface IEmailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through .NET's SmtpClient: to a pickup folder as .eml files, or to an SMTP server.</summary>
internal sealed class SmtpClientEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, IConfiguration configuration) : IEmailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        if (string.Equals(settings.Delivery, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            client.Host = settings.SmtpHost ?? throw new InvalidOperationException("Email:Delivery is Smtp but Email:SmtpHost is not set.");
            client.Port = settings.SmtpPort;
            client.EnableSsl = settings.SmtpEnableSsl;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            if (settings.SmtpUserName is not null)
            {
                client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
            }
        }
        else
        {
            var folder = settings.PickupFolder is { Length: > 0 } configured
                ? Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured))
                : Path.Combine(SharedKernel.Modules.ModularMonolith.DataFolder(configuration, environment), "mail");
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>Sends queued emails that are due; retries a failure with back-off and gives up after MaxAttempts.</summary>
internal sealed partial class EmailQueue(IServiceScopeFactory scopes, IEmailSender sender, IOptions<EmailOptions> options, TimeProvider clock, ILogger<EmailQueue> logger)
{
    /// <summary>Long enough for a batch of 50 to be sent over a slow SMTP server.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("email delivery");
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow();
        // Claimed first, so two hosts sending at the same moment never send one email twice.
        var due = await db.Emails.Where(e => e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now)
            .ClaimAsync(e => e.CreatedAt, 50, ClaimLease, now, cancellationToken);
        var sent = 0;
        foreach (var email in due)
        {
            email.Attempts++;
            try
            {
                using var message = new MailMessage(new MailAddress(settings.FromAddress, settings.FromName), new MailAddress(email.ToAddress, email.ToName))
                {
                    Subject = email.Subject,
                    Body = email.Body.ReplaceLineEndings("\r\n"),
                    IsBodyHtml = false,
                    BodyEncoding = System.Text.Encoding.UTF8,
                    BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
                    SubjectEncoding = System.Text.Encoding.UTF8,
                };
                await sender.SendAsync(message, cancellationToken);
                email.SentAt = clock.GetUtcNow();
                email.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or FormatException or UnauthorizedAccessException)
            {
                email.LastError = e.Message;
                LogFailed(logger, e, email.Id, email.Attempts);
                if (email.Attempts >= settings.MaxAttempts)
                {
                    email.FailedAt = clock.GetUtcNow();
                }
                else
                {
                    email.NextAttemptAt = clock.GetUtcNow().AddSeconds(30 * Math.Pow(2, email.Attempts - 1));
                }
            }

            email.Release();
            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending email {EmailId} failed (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid emailId, int attempt);
}

[DisallowConcurrentExecution]
internal sealed class SendQueuedEmailsJob(EmailQueue queue) : IJob
{
    public static readonly JobKey Key = new("send-queued-emails", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await queue.SendDueAsync(cancellationToken);
}
