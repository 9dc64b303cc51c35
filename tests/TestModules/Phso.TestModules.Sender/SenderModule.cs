using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.TestModules.Sender.Contracts;

namespace Phso.TestModules.Sender;

public sealed class SenderModule : ModuleBase
{
    public override string Name => "testsender";

    public override string Title => "Test sender";

    public override void ConfigureServices(ModuleContext context) => context.AddDbContext<SenderDbContext, SenderPostgreSqlDbContext>();

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/test-sender/failure", string () => throw new InvalidOperationException("A deliberate failure with secret detail")).AllowAnonymous();
}

public sealed class Widget
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
}

public class SenderDbContext : ModuleDbContext
{
    public SenderDbContext(DbContextOptions<SenderDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="SenderPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected SenderDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public override string ModuleName => "testsender";

    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<Widget>(b =>
    {
        b.ToTable("widgets");
        b.HasKey(w => w.Id);
    });
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
public sealed class SenderPostgreSqlDbContext(DbContextOptions<SenderPostgreSqlDbContext> options) : SenderDbContext(options);

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
