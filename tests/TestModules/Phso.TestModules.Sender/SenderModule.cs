using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.TestModules.Sender.Contracts;

namespace Phso.TestModules.Sender;

public sealed class SenderModule : ModuleBase
{
    public override string Name => "testsender";

    public override string Title => "Test sender";

    public override void ConfigureServices(ModuleContext context) => context.AddDbContext<SenderDbContext>();

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/test-sender/failure", string () => throw new InvalidOperationException("A deliberate failure with secret detail")).AllowAnonymous();
}

public sealed class Widget
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
}

public sealed class SenderDbContext(DbContextOptions<SenderDbContext> options) : ModuleDbContext(options)
{
    public override string ModuleName => "testsender";

    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<Widget>(b =>
    {
        b.ToTable("widgets");
        b.HasKey(w => w.Id);
    });
}

internal sealed class CreateWidgetHandler(SenderDbContext db) : IRequestHandler<CreateWidget, Guid>
{
    public Task<Guid> Handle(CreateWidget request, CancellationToken cancellationToken)
    {
        var widget = new Widget { Id = Guid.CreateVersion7(), Name = request.Name };
        db.Widgets.Add(widget);
        db.Publish(new WidgetCreated(widget.Id, widget.Name));
        if (request.Name == "explode")
        {
            throw new InvalidOperationException("The widget exploded after its event was published.");
        }

        return Task.FromResult(widget.Id);
    }
}

[DbContext(typeof(SenderDbContext))]
[Migration("20261121000001_CreateWidgets")]
internal sealed class CreateWidgets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateModuleInfrastructure("testsender");
        migrationBuilder.CreateTable(
            name: "testsender_widgets",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_testsender_widgets", x => x.Id));
    }
}
