using System.CommandLine;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Security;

namespace Phso.Host.Composition;

/// <summary>The host's command line: every module's commands, each run against the migrated database as the system.
/// Configuration comes from appsettings and environment variables (e.g. ConnectionStrings__Phso).</summary>
internal static class HostCommandLine
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // A command's output is its messages: the log is kept to warnings and errors.
        var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft"] = "Warning" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            quiet[key] = value;
        }

        await using var app = PhsoApplication.Build([], quiet, serving: false);
        var root = new RootCommand("Phso.Modular: casework and learning for an ombudsman. Run without a command to start the web application; add --demo for demo data.");
        foreach (var command in app.Services.GetRequiredService<ModuleCatalogue>().Modules.SelectMany(m => m.Module.Commands))
        {
            var cli = new Command(command.Name, command.Description);
            foreach (var option in command.Options)
            {
                cli.Options.Add(option);
            }

            cli.SetAction(async (parse, cancellationToken) =>
            {
                try
                {
                    await app.Services.PrepareDatabaseAsync(seedDemoData: false, cancellationToken);
                }
                catch (DatabaseNotPreparedException notPrepared)
                {
                    await Console.Error.WriteLineAsync(notPrepared.Message);
                    return 1;
                }

                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem($"command line: {command.Name}");
                return await command.RunAsync(parse, scope.ServiceProvider, cancellationToken);
            });
            root.Subcommands.Add(cli);
        }

        return await root.Parse(args).InvokeAsync();
    }
}
