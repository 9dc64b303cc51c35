using BenchmarkDotNet.Attributes;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Benchmarks;

/// <summary>What the request pipeline (logging, validation, authorisation, unit-of-work check) costs a query, against
/// calling the handler directly: the overhead every page pays per request it sends.</summary>
[MemoryDiagnoser]
[InProcess] // a generated benchmark project would lack the framework reference the partial registry needs (docs/adr/0002)
public class PipelineBenchmarks
{
    private ServiceProvider _services = default!;
    private IServiceScope _scope = default!;
    private IMediator _mediator = default!;
    private Handler _handler = default!;

    [AnyCaller]
    public sealed record Ping(int Value) : IQuery<int>;

    public sealed class Handler : IRequestHandler<Ping, int>
    {
        public Task<int> Handle(Ping request, CancellationToken cancellationToken) => Task.FromResult(request.Value + 1);
    }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationCore(o => o.AddPhsoPolicies());
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(p => p.GetRequiredService<CurrentUser>());
        services.AddScoped<CorrelationContext>();
        services.AddScoped<UnitOfWorkContext>();
        services.AddSingleton(ModuleCatalogue.Create([]));
        services.AddMediatorPipeline();
        services.AddScoped<IRequestHandler<Ping, int>, Handler>();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
        _mediator = _scope.ServiceProvider.GetRequiredService<IMediator>();
        _handler = new Handler();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> HandlerDirectly() => _handler.Handle(new Ping(1), CancellationToken.None);

    [Benchmark]
    public Task<int> ThroughThePipeline() => _mediator.Send(new Ping(1));
}
