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
        root.Subcommands.Add(SeedScaleCommand(app.Services));
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

    /// <summary>seed-scale: the demo data, then every module's data at a real year's scale, for the load benchmark.</summary>
    private static Command SeedScaleCommand(IServiceProvider services)
    {
        var cases = new Option<int>("--cases") { Description = "Complaints to write", DefaultValueFactory = _ => 100_000 };
        var people = new Option<int>("--people") { Description = "Accounts to write (staff and partner handlers)", DefaultValueFactory = _ => 5_000 };
        var enrolments = new Option<int>("--enrolments") { Description = "Training records to write", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same data", DefaultValueFactory = _ => 2026 };
        var command = new Command("seed-scale", "Writes the demo data and then invented data at a real year's scale (never in Production), for the load benchmark.")
        {
            cases, people, enrolments, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var plan = new ScalePlan(parse.GetValue(cases), parse.GetValue(people), parse.GetValue(enrolments), parse.GetValue(seed));
            if (plan.Cases < 0 || plan.People < 0 || plan.Enrolments < 0)
            {
                await Console.Error.WriteLineAsync("--cases, --people and --enrolments must be zero or more.");
                return 2;
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await services.SeedScaleDataAsync(plan, Console.Out, cancellationToken);
            }
            catch (DatabaseNotPreparedException refused)
            {
                await Console.Error.WriteLineAsync(refused.Message);
                return 1;
            }

            await Console.Out.WriteLineAsync($"Scale data written in {watch.Elapsed.TotalSeconds:N0} s.");
            return 0;
        });
        return command;
    }
}
