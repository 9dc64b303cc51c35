using MediatR;
using Phso.SharedKernel.Messaging;

namespace Phso.Architecture.Tests.Planted;

// Deliberate violations, compiled into this test assembly so each rule can be shown to catch a real type by name.

public sealed record PlantedRequest : IQuery<int>;

/// <summary>A public handler with a request that declares no policy.</summary>
public sealed class PlantedPublicHandler : IRequestHandler<PlantedRequest, int>
{
    public Task<int> Handle(PlantedRequest request, CancellationToken cancellationToken) => Task.FromResult(42);
}

/// <summary>Reads the system clock directly.</summary>
public static class PlantedClockReader
{
    public static DateTime WhatTimeIsIt() => DateTime.Now;
}

public sealed record PlantedOtherRequest : IQuery<int>;

/// <summary>One class handling two requests.</summary>
internal sealed class PlantedDoubleHandler : IRequestHandler<PlantedRequest, int>, IRequestHandler<PlantedOtherRequest, int>
{
    public Task<int> Handle(PlantedRequest request, CancellationToken cancellationToken) => Task.FromResult(1);

    public Task<int> Handle(PlantedOtherRequest request, CancellationToken cancellationToken) => Task.FromResult(2);
}

/// <summary>A module that lists accounts but (in the test) uses training's contracts as well.</summary>
internal sealed class PlantedModule : Phso.SharedKernel.Modules.ModuleBase
{
    public override string Name => "planted";

    public override string Title => "Planted";

    public override IReadOnlyCollection<string> DependsOn => ["accounts"];

    public override void ConfigureServices(Phso.SharedKernel.Modules.ModuleContext context)
    {
    }
}
