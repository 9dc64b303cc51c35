namespace Phso.Modular.Tests.Infrastructure;

/// <summary>What a command-line run writes, standard output and error together. One capture at a time: the console is
/// the process's, shared by every test.</summary>
public static class ConsoleOutput
{
    private static readonly SemaphoreSlim One = new(1, 1);

    public static async Task<(int Code, string Output)> CaptureAsync(Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        await One.WaitAsync();
        var (output, error) = (Console.Out, Console.Error);
        using var writer = new StringWriter();
        try
        {
            Console.SetOut(writer);
            Console.SetError(writer);
            var code = await run();
            return (code, writer.ToString());
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
            One.Release();
        }
    }
}
