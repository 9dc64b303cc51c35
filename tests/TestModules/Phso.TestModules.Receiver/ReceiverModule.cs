using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.TestModules.Sender.Contracts;

namespace Phso.TestModules.Receiver;

public sealed class ReceiverModule : ModuleBase
{
    public override string Name => "testreceiver";

    public override string Title => "Test receiver";

    public override IReadOnlyCollection<string> DependsOn => ["testsender"];

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<ReceiverDbContext, ReceiverPostgreSqlDbContext>();
        context.Services.AddSingleton<ReceiverFaults>();
    }
}

/// <summary>Makes the recording handler fail, as a test asks: a number of times, or until told otherwise.</summary>
public sealed class ReceiverFaults
{
    private int _failuresLeft;
    private int _calls;

    public bool FailAlways { get; set; }

    /// <summary>How many times the recording handler has been called.</summary>
    public int Calls => _calls;

    public void FailNext(int times) => _failuresLeft = times;

    internal void MaybeFail()
    {
        Interlocked.Increment(ref _calls);
        if (FailAlways || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("The receiver is down (injected fault).");
        }
    }
}

public sealed class ReceivedWidget
{
    public Guid WidgetId { get; set; }
    public required string Name { get; set; }
}

public sealed class Acknowledgement
{
    public Guid Id { get; set; }
    public Guid WidgetId { get; set; }
}

public class ReceiverDbContext : ModuleDbContext
{
    public ReceiverDbContext(DbContextOptions<ReceiverDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="ReceiverPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected ReceiverDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public override string ModuleName => "testreceiver";

    public DbSet<ReceivedWidget> Received => Set<ReceivedWidget>();

    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceivedWidget>(b =>
        {
            b.ToTable("received");
            b.HasKey(r => r.WidgetId);
        });
        modelBuilder.Entity<Acknowledgement>(b =>
        {
            b.ToTable("acknowledgements");
            b.HasKey(a => a.Id);
        });
    }
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
public sealed class ReceiverPostgreSqlDbContext(DbContextOptions<ReceiverPostgreSqlDbContext> options) : ReceiverDbContext(options);

/// <summary>Records each widget; fails when the faults say so. Its key would reject a duplicate, so a second
/// delivery that ran the handler again would fail loudly rather than pass unnoticed.</summary>
internal sealed class RecordWidget(ReceiverDbContext db, ReceiverFaults faults) : INotificationHandler<WidgetCreated>
{
    public Task Handle(WidgetCreated notification, CancellationToken cancellationToken)
    {
        faults.MaybeFail();
        db.Received.Add(new ReceivedWidget { WidgetId = notification.WidgetId, Name = notification.Name });
        return Task.CompletedTask;
    }
}

/// <summary>A second handler of the same event that always succeeds: it must run once, however often the first fails.</summary>
internal sealed class AcknowledgeWidget(ReceiverDbContext db) : INotificationHandler<WidgetCreated>
{
    public Task Handle(WidgetCreated notification, CancellationToken cancellationToken)
    {
        db.Acknowledgements.Add(new Acknowledgement { Id = Guid.CreateVersion7(), WidgetId = notification.WidgetId });
        return Task.CompletedTask;
    }
}
