using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;
using Quartz;

namespace Phso.Modules.Training;

/// <summary>Training: courses and their versions, enrolment, quizzes, completion and recurring mandatory training.</summary>
public sealed class TrainingModule : ModuleBase
{
    public override string Name => TrainingDbContext.Module;

    public override string Title => "Training";

    public override IReadOnlyCollection<string> DependsOn => ["accounts", "organisations", "notifications", "plugins"];

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<TrainingDbContext, TrainingPostgreSqlDbContext>();
        context.Services.Configure<Features.Reminders.TrainingOptions>(context.Configuration.GetSection("Training"));
        context.Services.AddSingleton<Features.Reminders.TrainingReminders>();
        context.Services.AddScoped<Features.Learning.LearnerRecords>();
        context.Services.AddSingleton<Features.Learning.CourseContents>();
        context.Services.AddScoped<Features.Authoring.CourseLookups>();
        context.Services.AddScoped<Features.Authoring.DraftEditing>();
        context.Services.AddScoped<Features.Assignments.AssignmentEnrolments>();
        context.Services.AddScoped<Features.Certificates.CertificateLookups>();
        context.Services.AddScoped<Features.Reports.PeopleReportBuilder>();
        context.Services.Configure<AuthorizationOptions>(options =>
        {
            options.AddPolicy(TrainingPolicies.Learn, p => p.RequireAuthenticatedUser().RequireRole(Roles.Staff, Roles.PartnerHandler, Roles.PartnerLead));
            options.AddPolicy(TrainingPolicies.Author, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
            options.AddPolicy(TrainingPolicies.Assign, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Manager));
            options.AddPolicy(TrainingPolicies.Team, p => p.RequireAuthenticatedUser().RequireRole(Roles.Manager));
            options.AddPolicy(TrainingPolicies.Organisation, p => p.RequireAuthenticatedUser().RequireRole(Roles.PartnerLead));
        });
    }

    public override void ConfigureJobs(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var minutes = configuration.GetSection("Training").Get<Features.Reminders.TrainingOptions>()?.CheckIntervalMinutes ?? new Features.Reminders.TrainingOptions().CheckIntervalMinutes;
        if (minutes > 0)
        {
            quartz.ScheduleJob<Features.Reminders.TrainingRemindersJob>(
                trigger => trigger.WithIdentity("training-reminders").StartNow().WithSimpleSchedule(TimeSpan.FromMinutes(minutes), null),
                job => job.WithIdentity(Features.Reminders.TrainingRemindersJob.Key));
        }
    }

    public override IReadOnlyList<ModuleCommand> Commands =>
    [
        ModuleCommand.RunJobOnce("send-training-reminders", "Opens recertification cycles that are due, enrols new members of assigned groups and sends due and overdue reminders, as the scheduled job does.",
            async (services, cancellationToken) => $"{await services.GetRequiredService<Features.Reminders.TrainingReminders>().RunAsync(cancellationToken):N0} reminders sent"),
    ];

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoData.DemoTraining.SeedAsync(services, cancellationToken);

    public override Task<string?> SeedScaleDataAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken) =>
        ScaleData.ScaleTraining.SeedAsync(plan, services, cancellationToken);

    public override IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Learning", "/learning", TrainingPolicies.Learn, 40, "Your courses, mandatory training and certificates."),
        new("Team training", "/learning/team", TrainingPolicies.Team, 42, "Your direct reports' training: due, overdue, completed and expiring."),
        new("Organisation training", "/learning/organisation", TrainingPolicies.Organisation, 42, "Your organisation's complaint handlers' training."),
        new("Courses", "/training/courses", TrainingPolicies.Author, 45, "Write, import, publish, assign and export courses."),
    ];
}
