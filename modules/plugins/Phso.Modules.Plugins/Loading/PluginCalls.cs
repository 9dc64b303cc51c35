namespace Phso.Modules.Plugins.Loading;

/// <summary>
/// Every call into plugin code goes through here: on a thread of its own (never a pool thread, so a plugin that hangs
/// cannot starve the pool the web server runs on), with a time limit, exceptions caught. A call that overruns is
/// abandoned (.NET cannot stop a thread; the background thread ends with the process) and reported; the caller
/// switches the plugin off so that it cannot tie up more threads. The caller awaits the outcome: no request thread is
/// held while the plugin's thread works.
/// </summary>
internal static class PluginCalls
{
    public static async Task<PluginCallResult<T>> RunAsync<T>(string what, Func<T> call, TimeSpan limit)
    {
        var outcome = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                outcome.SetResult(call());
            }
#pragma warning disable CA1031 // Whatever a plugin throws is reported, never allowed to take the host down.
            catch (Exception e)
#pragma warning restore CA1031
            {
                outcome.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "plugin call",
        };
        thread.Start();
        try
        {
            return PluginCallResult<T>.Succeeded(await outcome.Task.WaitAsync(limit));
        }
        catch (TimeoutException) when (!outcome.Task.IsCompleted)
        {
            return PluginCallResult<T>.Failed($"{what} did not finish within {limit.TotalSeconds:0.#} seconds");
        }
#pragma warning disable CA1031 // As above: the plugin's own exception, reported.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return PluginCallResult<T>.Failed($"{what} failed: {Describe(e)}");
        }
    }

    /// <summary>A constructor's exception arrives wrapped by reflection: report the plugin's own.</summary>
    private static string Describe(Exception e) =>
        e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? Describe(inner) : $"{e.GetType().Name}: {e.Message}";
}

/// <summary>What a guarded call gave: its value, or why it failed.</summary>
internal sealed record PluginCallResult<T>(bool Ok, T? Value, string? Failure)
{
    public static PluginCallResult<T> Succeeded(T value) => new(true, value, null);

    public static PluginCallResult<T> Failed(string failure) => new(false, default, failure);
}
