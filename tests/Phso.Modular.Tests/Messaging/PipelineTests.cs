using MediatR;
using Phso.SharedKernel.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modular.Tests.Messaging;

[Collection(DemoHostCollection.Name)]
public sealed class PipelineTests(PhsoFactory host)
{
    private static RegisterOrganisation NewBody(string name) =>
        new(name, OrganisationType.GovernmentDepartment, Sector.Parliamentary, Nation.England, true, false, null);

    [Fact]
    public void Behaviours_run_in_the_fixed_order_logging_validation_authorisation_unit_of_work()
    {
        using var scope = host.Services.CreateScope();
        var behaviours = scope.ServiceProvider.GetServices<IPipelineBehavior<RegisterOrganisation, Guid>>().Select(b => b.GetType().GetGenericTypeDefinition());
        Assert.Equal(
            [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(AuthorisationBehaviour<,>), typeof(UnitOfWorkBehaviour<,>)],
            behaviours);
    }

    [Fact]
    public async Task Invalid_input_is_refused_before_the_handler_runs_with_messages_per_field()
    {
        await using var scope = host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            mediator.Send(new RegisterOrganisation("", OrganisationType.NhsTrust, Sector.Parliamentary, null, null, null, "not a code!"), CancellationToken.None));
        Assert.Equal("Enter the organisation's name", Assert.Single(error.Errors["Name"]));
        Assert.Equal("An NHS trust is in the health sector", Assert.Single(error.Errors["Sector"]));
        Assert.Equal("Select the nation the organisation is in", Assert.Single(error.Errors["Nation"]));
        Assert.Contains("InRemit", error.Errors.Keys);
        Assert.Equal("An ODS code is 3 to 6 letters and numbers, like RX1 or B82005", Assert.Single(error.Errors["OdsCode"]));
    }

    [Fact]
    public async Task Validation_comes_before_authorisation_so_a_malformed_request_gets_the_same_answer_from_anyone()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.ActingAs().GetRequiredService<IMediator>();
        await Assert.ThrowsAsync<RequestValidationException>(() => mediator.Send(NewBody(""), CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData(Roles.Staff + "," + Roles.Publisher)]
    [InlineData(Roles.PartnerLead)]
    public async Task A_command_is_refused_to_people_without_its_policy_and_nothing_is_saved(string roleList)
    {
        var roles = roleList.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var name = $"Refused body {Guid.NewGuid():N}";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.ActingAs(roles).GetRequiredService<IMediator>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => mediator.Send(NewBody(name), CancellationToken.None));
        }

        await using var check = host.SystemScope();
        var found = await check.ServiceProvider.GetRequiredService<IMediator>().Send(new FindOrganisations(name), CancellationToken.None);
        Assert.Equal(0, found.Total);
    }

    [Fact]
    public async Task A_command_runs_for_someone_with_its_policy_and_its_change_is_audited_with_who_and_which_command()
    {
        var name = $"Allowed body {Guid.NewGuid():N}";
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.ActingAs(Roles.Admin, Roles.Staff).GetRequiredService<IMediator>();
            id = await mediator.Send(NewBody(name), CancellationToken.None);
        }

        await using var check = host.SystemScope();
        var trail = await check.ServiceProvider.GetRequiredService<SharedKernel.Auditing.AuditTrailReader>()
            .ReadAsync("organisations", "Organisation", id.ToString(), CancellationToken.None);
        var created = Assert.Single(trail);
        Assert.Equal("RegisterOrganisation", created.Command);
        Assert.Equal("Test person", created.ActorName);
        Assert.Equal("Created", created.Action);
        Assert.Contains(created.Changes, c => c.Field == "Name" && c.To == name);
    }

    [Fact]
    public async Task A_change_from_a_stale_version_is_refused_as_a_conflict_and_the_record_keeps_the_other_change()
    {
        await using var scope = host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var id = await mediator.Send(NewBody($"Contested body {Guid.NewGuid():N}"), CancellationToken.None);
        var read = (await mediator.Send(new GetOrganisation(id), CancellationToken.None))!;

        await mediator.Send(new UpdateOrganisation(id, read.Version, "First writer's name " + id, read.Type, read.Sector, read.Nation, read.InRemit, read.IsPartner, null), CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            mediator.Send(new UpdateOrganisation(id, read.Version, "Second writer's name " + id, read.Type, read.Sector, read.Nation, read.InRemit, read.IsPartner, null), CancellationToken.None));

        Assert.Contains("changed this record", conflict.Message, StringComparison.Ordinal);
        var now = (await mediator.Send(new GetOrganisation(id), CancellationToken.None))!;
        Assert.Equal("First writer's name " + id, now.Name);
        Assert.Equal(read.Version + 1, now.Version);
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_through_the_model_or_behind_its_back()
    {
        await using var scope = host.SystemScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(
            scope.ServiceProvider.GetRequiredService<SharedKernel.Modules.ModuleCatalogue>().Find("organisations")!.PrimaryDbContextType!);
        var entry = await ((IModuleDbContext)db).AuditEntries.FirstAsync(CancellationToken.None);

        entry.ActorName = "Someone else";
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(CancellationToken.None));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Every module's first migration makes its audit table refuse changes in the database itself, on each
    /// engine (the trigger is the one step a generated migration cannot make from the model).</summary>
    [Fact]
    public async Task Every_modules_audit_table_refuses_updates_and_deletes_sent_behind_the_models_back()
    {
        var catalogue = host.Services.GetRequiredService<SharedKernel.Modules.ModuleCatalogue>();
        foreach (var contextType in catalogue.Modules.SelectMany(m => m.DbContextTypes))
        {
            await using var scope = host.SystemScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
            ((IModuleDbContext)db).AuditEntries.Add(new AuditEntry
            {
                Id = Guid.CreateVersion7(),
                OccurredAt = DateTimeOffset.UtcNow,
                ActorName = "Test",
                Command = "Test",
                RecordType = "Test",
                RecordId = "1",
                EntityType = "Test",
                Action = "Created",
                Changes = "[]",
            });
            await db.SaveChangesAsync(CancellationToken.None);

            var audit = db.Model.FindEntityType(typeof(AuditEntry))!;
            var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
            var table = sql.DelimitIdentifier(audit.GetTableName()!, audit.GetSchema());
            var actor = sql.DelimitIdentifier(audit.FindProperty(nameof(AuditEntry.ActorName))!.GetColumnName());
            // Names from the model, not from input: raw SQL is safe here.
            var updateSql = $"UPDATE {table} SET {actor} = 'Someone else'";
            var deleteSql = $"DELETE FROM {table}";
            var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(updateSql, CancellationToken.None));
            Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
            var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(deleteSql, CancellationToken.None));
            Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        }
    }
}
