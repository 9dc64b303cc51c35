using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Plugins.Features.Lifecycle;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Modules;

namespace Phso.Modules.Plugins.Runtime;

/// <summary>
/// The plugin lifecycle from the command line, with the same rules as the admin page (they send the same commands, so
/// the same checks, audit and refusals): <c>plugin-list</c>, <c>plugin-install --package x.zip</c>,
/// <c>plugin-upgrade --id x --package x.zip [--force]</c>, <c>plugin-enable --id x</c>, <c>plugin-disable --id x --reason "..."</c>,
/// <c>plugin-uninstall --id x --reason "..."</c>. They change the database and the plugins folder; a running host takes the change up
/// within two checks of <see cref="PluginSync"/> (15 to 30 seconds by default), without a restart.
/// </summary>
internal static class PluginCommands
{
    public static IReadOnlyList<ModuleCommand> All()
    {
        var package = new Option<FileInfo>("--package") { Description = "The plugin package (.zip)", Required = true };
        var id = new Option<string>("--id") { Description = "The plugin's id, as plugin-list shows it", Required = true };
        var force = new Option<bool>("--force") { Description = "Allow installing an older version over a newer one" };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the plugin's history)", Required = true };
        return
        [
            new("plugin-list", "Lists the installed partner plugins and where each stands.", [], async (_, services, cancellationToken) =>
            {
                var list = await services.GetRequiredService<IMediator>().Send(new ListPlugins(), cancellationToken);
                await Console.Out.WriteLineAsync($"SDK {list.SdkVersion}{(list.SafeMode ? " (safe mode: no plugin runs)" : "")}");
                foreach (var row in list.Plugins)
                {
                    var p = row.Plugin;
                    await Console.Out.WriteLineAsync($"{p.Id}\t{p.PluginVersion}\t{p.Status}\t{p.Name} ({p.Publisher}){(p.StatusReason is null ? "" : $" – {p.StatusReason}")}");
                }

                return 0;
            }),
            new("plugin-install", "Installs a partner plugin package after checking its signature, files and SDK range.", [package], (parse, services, cancellationToken) =>
                RunAsync(async mediator =>
                {
                    var installed = await mediator.Send(new InstallPlugin(await File.ReadAllBytesAsync(parse.GetValue(package)!.FullName, cancellationToken)), cancellationToken);
                    return await DescribeAsync(mediator, installed, "Installed", cancellationToken);
                }, services)),
            new("plugin-upgrade", "Replaces an installed plugin with another version of it, keeping its data.", [id, package, force], (parse, services, cancellationToken) =>
                RunAsync(async mediator =>
                {
                    var current = await CurrentVersionAsync(mediator, parse.GetValue(id)!, cancellationToken);
                    await mediator.Send(new UpgradePlugin(parse.GetValue(id)!, current, await File.ReadAllBytesAsync(parse.GetValue(package)!.FullName, cancellationToken), parse.GetValue(force)), cancellationToken);
                    return await DescribeAsync(mediator, parse.GetValue(id)!, "Upgraded", cancellationToken);
                }, services)),
            Simple("plugin-enable", "Switches an installed plugin on.", [id], (_, plugin, version) => new EnablePlugin(plugin, version), "Enabled"),
            Simple("plugin-disable", "Switches an installed plugin off; it stays installed. --reason says why.", [id, reason],
                (parse, plugin, version) => new DisablePlugin(plugin, version, parse.GetValue(reason) ?? ""), "Disabled"),
            Simple("plugin-uninstall", "Removes a plugin and its files; records made with it are kept. --reason says why.", [id, reason],
                (parse, plugin, version) => new UninstallPlugin(plugin, version, parse.GetValue(reason) ?? ""), null),
        ];
    }

    private static ModuleCommand Simple(string name, string description, IReadOnlyList<Option> options, Func<ParseResult, string, int, ICommand> command, string? done) =>
        new(name, description, options, (parse, services, cancellationToken) => RunAsync(async mediator =>
        {
            var plugin = parse.GetValue((Option<string>)options[0])!;
            await mediator.Send(command(parse, plugin, await CurrentVersionAsync(mediator, plugin, cancellationToken)), cancellationToken);
            if (done is null)
            {
                await Console.Out.WriteLineAsync($"Uninstalled {plugin}.");
                return 0;
            }

            return await DescribeAsync(mediator, plugin, done, cancellationToken);
        }, services));

    private static async Task<int> CurrentVersionAsync(IMediator mediator, string id, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetPlugin(id), cancellationToken))?.Plugin.Version ?? throw new NotFoundException($"No plugin with the id \"{id}\" is installed.");

    /// <summary>Says where the plugin stands after the change, in plain words; exit code 1 when it could not start.</summary>
    private static async Task<int> DescribeAsync(IMediator mediator, string id, string done, CancellationToken cancellationToken)
    {
        var plugin = (await mediator.Send(new GetPlugin(id), cancellationToken))!.Plugin;
        var name = $"{plugin.Name} {plugin.PluginVersion}";
        var (message, code) = plugin.Status switch
        {
            Contracts.PluginStatus.Active => ($"{done} {name}. It is running.", 0),
            Contracts.PluginStatus.Malfunctioned => ($"{done} {name}, but it could not start: {plugin.StatusReason}\n" +
                $"It stays installed and switched off. Fix the plugin and upgrade it (plugin-upgrade --id {plugin.Id} --package <zip>), or try again with plugin-enable --id {plugin.Id}.", 1),
            Contracts.PluginStatus.Incompatible => ($"{done} {name}, but it cannot run on this platform: {plugin.StatusReason}", 1),
            _ => ($"{done} {name}. It is switched off: {plugin.StatusReason}", 0),
        };
        await (code == 0 ? Console.Out : Console.Error).WriteLineAsync(message);
        return code;
    }

    /// <summary>Refusals become messages and an exit code, never a stack trace.</summary>
    private static async Task<int> RunAsync(Func<IMediator, Task<int>> action, IServiceProvider services)
    {
        try
        {
            return await action(services.GetRequiredService<IMediator>());
        }
        catch (RequestValidationException e)
        {
            foreach (var message in e.Errors.SelectMany(error => error.Value))
            {
                await Console.Error.WriteLineAsync(message);
            }

            return 2;
        }
        catch (Exception e) when (e is RuleViolationException or NotFoundException or ConcurrencyConflictException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }
}
