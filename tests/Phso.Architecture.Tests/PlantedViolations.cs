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
