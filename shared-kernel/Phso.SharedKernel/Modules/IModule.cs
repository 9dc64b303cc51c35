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

    /// <summary>Registers the module's services and its DbContext (see <see cref="ModuleContext.AddDbContext{TContext}"/>).
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
}

/// <summary>A link in the service navigation and on the signed-in home page.</summary>
/// <param name="Text">Link text.</param>
/// <param name="Href">Path, starting with a slash.</param>
/// <param name="Policy">Authorisation policy a person must satisfy to see the link.</param>
/// <param name="Order">Lower comes first.</param>
/// <param name="Description">One sentence for the home page.</param>
public sealed record NavigationLink(string Text, string Href, string Policy, int Order, string Description);
