using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.DemoData;
using Phso.Modules.Accounts.Persistence;
using Phso.Modules.Accounts.Security;
using Phso.Modules.Accounts.Sessions;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Accounts;

/// <summary>Accounts: people, roles, teams and line managers; sign-in.</summary>
public sealed class AccountsModule : ModuleBase
{
    public override string Name => AccountsDbContext.Module;

    public override string Title => "Accounts";

    public override IReadOnlyCollection<string> DependsOn => ["organisations"];

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<AccountsDbContext, AccountsPostgreSqlDbContext>();
        context.Services.AddPhsoIdentity();
        context.AddSharedHostState();
        context.Services.AddScoped<Features.FindPeople.PeopleReader>();
        context.Services.AddReferenceDataCache<AccountsDbContext>();
        context.Services.AddScoped<SharedKernel.Auditing.IPersonNames, Features.FindPeople.PersonNames>();
        context.Services.AddScoped<Features.ManagePeople.PersonRules>();
        context.Services.AddScoped<Features.ManagePeople.Invitations>();
    }

    public override IReadOnlyList<NavigationLink> Navigation =>
    [
        new("People", "/admin/people", Policies.Admin, 90, "Create accounts, give people roles, teams and line managers."),
        new("Teams", "/admin/teams", Policies.Admin, 91, "The teams staff belong to."),
    ];

    public override IReadOnlyList<ModuleCommand> Commands => [Features.ManagePeople.CreateAdministratorCommand.Create()];

    public override Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoPeople.SeedAsync(services, cancellationToken);

    public override Task<string?> SeedScaleDataAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken) =>
        ScaleData.ScalePeople.SeedAsync(plan, services, cancellationToken);
}
