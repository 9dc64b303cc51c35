using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training;

/// <summary>Training: courses and their versions, enrolment, quizzes, completion and recurring mandatory training.</summary>
public sealed class TrainingModule : ModuleBase
{
    public override string Name => TrainingDbContext.Module;

    public override string Title => "Training";

    public override IReadOnlyCollection<string> DependsOn => ["accounts", "organisations", "notifications"];

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<TrainingDbContext>();
        context.Services.Configure<AuthorizationOptions>(options =>
        {
            options.AddPolicy(TrainingPolicies.Learn, p => p.RequireAuthenticatedUser().RequireRole(Roles.Staff, Roles.PartnerHandler, Roles.PartnerLead));
            options.AddPolicy(TrainingPolicies.Author, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        });
    }

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoData.DemoTraining.SeedAsync(services, cancellationToken);

    public override IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Learning", "/learning", TrainingPolicies.Learn, 40, "Your courses, mandatory training and certificates."),
        new("Courses", "/training/courses", TrainingPolicies.Author, 45, "Write, import, publish and export courses."),
    ];
}
