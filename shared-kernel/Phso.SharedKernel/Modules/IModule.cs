using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace Phso.SharedKernel.Modules;

/// <summary>
/// A module of the monolith. Each module assembly implements it once (usually by deriving from
/// <see cref="ModuleBase"/>); the host finds the implementation by scanning and composes the module from it.
/// </summary>
public interface IModule
{
    /// <summary>Short lower-case name, unique across modules. It is also the module's table prefix.</summary>
    string Name { get; }

    /// <summary>A title for people (admin pages, logs).</summary>
    string Title { get; }

    /// <summary>Names of the modules this one needs; start-up fails with a clear message when one is missing,
    /// and modules are migrated and seeded after the modules they depend on.</summary>
    IReadOnlyCollection<string> DependsOn { get; }

    /// <summary>Registers the module's services and its DbContext (see <see cref="ModuleContext.AddDbContext{TContext, TPostgreSqlContext}"/>).
    /// Request and notification handlers and validators in the module assembly are registered for it.</summary>
    void ConfigureServices(ModuleContext context);

    /// <summary>Maps the module's API endpoints. Razor Pages come from the module's Razor class library.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Schedules the module's Quartz jobs.</summary>
    void ConfigureJobs(IQuartzBuilder quartz, IConfiguration configuration);

    /// <summary>Links this module adds to the service navigation, each shown only to people its policy admits.</summary>
    IReadOnlyList<NavigationLink> Navigation { get; }

    /// <summary>Writes the module's demo data. Called only when the host runs with the demo seed, never in Production;
    /// must be idempotent (it runs at every start of a demo host).</summary>
    Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Writes the module's share of the scale data (the host's <c>seed-scale</c> command), after the demo data
    /// and after the modules it depends on; returns what it wrote in a few words, or null when its scale data was
    /// already there. Bulk: units of work of many rows (<see cref="ScaleData.SaveInBatchesAsync{T}"/>), built with the
    /// domain's own methods, without integration events (each module writes its own part of the picture).</summary>
    Task<string?> SeedScaleDataAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Commands this module adds to the host's command line (for operators of a real deployment).</summary>
    IReadOnlyList<ModuleCommand> Commands { get; }
}

/// <summary>A command-line command a module offers, e.g. <c>create-admin</c>. The host migrates the database first and
/// runs <see cref="RunAsync"/> in a scope that acts as the system.</summary>
/// <param name="Name">The command's name, as typed after the host's name.</param>
/// <param name="Description">One sentence for --help.</param>
/// <param name="Options">Its options.</param>
/// <param name="RunAsync">What it does; returns the process exit code.</param>
public sealed record ModuleCommand(
    string Name, string Description, IReadOnlyList<System.CommandLine.Option> Options,
    Func<System.CommandLine.ParseResult, IServiceProvider, CancellationToken, Task<int>> RunAsync)
{
    /// <summary>A command that runs one of the module's scheduled jobs now, once, and says what it did and how long it
    /// took (for an operator who cannot wait for the schedule, and for timing a sweep at scale).</summary>
    public static ModuleCommand RunJobOnce(string name, string description, Func<IServiceProvider, CancellationToken, Task<string>> run) =>
        new(name, description, [], async (_, services, cancellationToken) =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var did = await run(services, cancellationToken);
            await Console.Out.WriteLineAsync($"{did} in {watch.Elapsed.TotalSeconds:N1} s.");
            return 0;
        });
}

/// <summary>A convenient base for <see cref="IModule"/>: everything but the name and services is optional.</summary>
public abstract class ModuleBase : IModule
{
    public abstract string Name { get; }
    public abstract string Title { get; }
    public virtual IReadOnlyCollection<string> DependsOn => [];
    public abstract void ConfigureServices(ModuleContext context);
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }
    public virtual void ConfigureJobs(IQuartzBuilder quartz, IConfiguration configuration) { }
    public virtual IReadOnlyList<NavigationLink> Navigation => [];
    public virtual Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
    public virtual Task<string?> SeedScaleDataAsync(ScalePlan plan, IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    public virtual IReadOnlyList<ModuleCommand> Commands => [];
}

/// <summary>Pages under <paramref name="Prefix"/> keep state in the session between requests (a form of several pages).
/// The session runs only there: elsewhere a request would still cost a read of the shared session cache (ASP.NET's
/// session refreshes its entry at the end of every request it sees, even one with no session cookie).</summary>
public sealed record SessionPath(string Prefix);

/// <summary>A link in the service navigation and on the signed-in home page.</summary>
/// <param name="Text">Link text.</param>
/// <param name="Href">Path, starting with a slash.</param>
/// <param name="Policy">Authorisation policy a person must satisfy to see the link.</param>
/// <param name="Order">Lower comes first.</param>
/// <param name="Description">One sentence for the home page.</param>
public sealed record NavigationLink(string Text, string Href, string Policy, int Order, string Description)
{
    /// <summary>The policy of a link shown to everyone, signed in or not (the public parts of the service).</summary>
    public const string Everyone = "";
}
