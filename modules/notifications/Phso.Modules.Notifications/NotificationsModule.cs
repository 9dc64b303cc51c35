using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Notifications.Features.DeliverEmail;
using Phso.Modules.Notifications.Features.ReadNotifications;
using Phso.Modules.Notifications.Features.SendNotifications;
using Phso.Modules.Notifications.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;
using Quartz;

namespace Phso.Modules.Notifications;

/// <summary>Notifications: the in-app list and email, for every module.</summary>
public sealed class NotificationsModule : ModuleBase
{
    public override string Name => NotificationsDbContext.Module;

    public override string Title => "Notifications";

    public override IReadOnlyCollection<string> DependsOn => ["accounts"];

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<NotificationsDbContext, NotificationsPostgreSqlDbContext>();
        context.Services.Configure<EmailOptions>(context.Configuration.GetSection("Email"));
        context.Services.AddSingleton<IEmailSender, SmtpClientEmailSender>();
        context.Services.AddSingleton<EmailQueue>();
        context.Services.AddScoped<Mailbox>();
        context.Services.AddScoped<NotificationWriter>();
        context.Services.AddReferenceDataCache<NotificationsDbContext>();
        context.Services.AddScoped<INavigationBadge, UnreadNotificationsBadge>();
    }

    public override void ConfigureJobs(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var interval = configuration.GetValue("Email:PollIntervalSeconds", 10);
        if (interval > 0)
        {
            quartz.ScheduleJob<SendQueuedEmailsJob>(
                trigger => trigger.WithIdentity("send-queued-emails").WithSimpleSchedule(TimeSpan.FromSeconds(interval), null),
                job => job.WithIdentity(SendQueuedEmailsJob.Key));
        }
    }

    public override IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Notifications", "/notifications", Policies.SignedIn, 100, "What has happened that you need to know about."),
    ];
}
