using Phso.Host.Composition;
using Phso.SharedKernel.Modules;

namespace Phso.Host;

public sealed class Program
{
    private Program()
    {
    }

    /// <summary>
    /// Without a command: runs the web application (add --demo for the demo data and accounts).
    /// With a command (e.g. <c>create-admin</c>, or <c>--help</c>): runs it against this deployment's database and exits.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?"))
        {
            return await HostCommandLine.RunAsync(args);
        }

        var app = PhsoApplication.Build(args);
        try
        {
            await app.Services.PrepareDatabaseAsync(app.Configuration.GetValue("Demo:Seed", false), app.Lifetime.ApplicationStopping);
        }
        catch (DatabaseNotPreparedException notPrepared)
        {
            await Console.Error.WriteLineAsync(notPrepared.Message);
            return 1;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"Phso.Modular is running at {url}  (press Ctrl+C to stop)");
            }
        });
        await app.RunAsync();
        return 0;
    }
}
