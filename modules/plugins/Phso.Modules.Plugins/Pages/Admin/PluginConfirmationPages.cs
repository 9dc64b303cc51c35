using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Plugins.Features.Lifecycle;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Plugins.Pages.Admin;

/// <summary>
/// A step that takes away what a plugin brings asks first (GOV.UK's confirmation pattern): a page of its own saying what
/// will happen, the reason (required, kept in the plugin's history), and a warning button. The version read is carried,
/// so a plugin changed meanwhile is refused, not acted on blind; the reason typed is kept on any refusal.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public abstract class PluginConfirmationPage(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public PluginDetails Details { get; private set; } = default!;

    /// <summary>The page's heading, e.g. "Disable Coldharbour complaint standard?".</summary>
    public abstract string Heading { get; }

    /// <summary>What happens, in a sentence or two.</summary>
    public abstract string Consequence { get; }

    public abstract string Button { get; }

    protected abstract ICommand Command(int version, string reason);

    protected abstract string Done(string name);

    /// <summary>Where to go afterwards.</summary>
    protected abstract string After { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Version = Details.Plugin.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Version is not { } version)
        {
            AddError(string.Empty, "The form is missing the plugin's version. Open the plugin's page and try again.");
            return Page();
        }

        var name = Details.Plugin.Name;
        if (await TryAsync(() => mediator.Send(Command(version, Reason ?? ""), cancellationToken), prefix: ""))
        {
            SuccessMessage = Done(name);
            return Redirect(After);
        }

        if (ConcurrencyConflict)
        {
            ModelState.Remove(nameof(Version));
            Version = Details.Plugin.Version;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPlugin(Id), cancellationToken) is not { } details)
        {
            return false;
        }

        Details = details;
        return true;
    }
}

public sealed class DisablePluginModel(IMediator mediator) : PluginConfirmationPage(mediator)
{
    public override string Heading => $"Disable {Details.Plugin.Name}?";

    public override string Consequence =>
        "It stops at once, without a restart: caseworkers no longer see its standard, the complaint form stops asking its questions, and its courses are withdrawn " +
        "(records and certificates are kept). It stays installed, so you can switch it on again.";

    public override string Button => "Disable the plugin";

    protected override string After => $"/admin/plugins/{Id}";

    protected override ICommand Command(int version, string reason) => new DisablePlugin(Id, version, reason);

    protected override string Done(string name) => $"{name} has been switched off. What it brings is withdrawn until it is switched on again.";
}

public sealed class UninstallPluginModel(IMediator mediator) : PluginConfirmationPage(mediator)
{
    public override string Heading => $"Uninstall {Details.Plugin.Name}?";

    public override string Consequence =>
        "It stops at once and its files are removed. What it brought is withdrawn; cases, answers and training records made with it are kept. " +
        "To have it back, an admin must install its package again.";

    public override string Button => "Uninstall the plugin";

    protected override string After => "/admin/plugins";

    protected override ICommand Command(int version, string reason) => new UninstallPlugin(Id, version, reason);

    protected override string Done(string name) => $"{name} has been uninstalled and its files removed. Records made with it are kept.";
}
