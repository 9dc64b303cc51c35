namespace Phso.Modules.Plugins.Loading;

/// <summary>
/// Every call into plugin code goes through here: on a thread-pool thread, with a time limit, exceptions caught. A
/// call that overruns is abandoned (.NET cannot stop a thread), its result ignored, and the time-out reported; the
/// plugin that made it is switched off by the caller so that it cannot tie up more threads.
/// </summary>
internal static class PluginCalls
{
    public static PluginCallResult<T> Run<T>(string what, Func<T> call, TimeSpan limit)
    {
        var task = Task.Run(call);
        try
        {
            if (!task.Wait(limit))
            {
                // Observe the abandoned task's eventual exception so that it is not reported as unobserved.
                task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                return PluginCallResult<T>.Failed($"{what} did not finish within {limit.TotalSeconds:0.#} seconds");
            }

            return PluginCallResult<T>.Succeeded(task.Result);
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            return PluginCallResult<T>.Failed($"{what} failed: {inner.GetType().Name}: {inner.Message}");
        }
    }
}

/// <summary>What a guarded call gave: its value, or why it failed.</summary>
internal sealed record PluginCallResult<T>(bool Ok, T? Value, string? Failure)
{
    public static PluginCallResult<T> Succeeded(T value) => new(true, value, null);

    public static PluginCallResult<T> Failed(string failure) => new(false, default, failure);
}
