using Microsoft.Extensions.Caching.Memory;
using Phso.Modules.Plugins.Runtime;
using Phso.Plugins.Abstractions;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Plugins.Features.Standards;

/// <summary>Plugins' own findings, kept for a minute (at most 10,000 at once), apart from any other cache.</summary>
internal sealed class PluginFindingsCache : IDisposable
{
    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public void Dispose() => Cache.Dispose();
}
