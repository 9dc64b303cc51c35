using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Plugins.Features.Lifecycle;
using Phso.Modules.Plugins.Persistence;
using Phso.SharedKernel.Auditing;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Plugins.Pages.Admin;

/// <summary>The installed plugins, and installing a new one from its package.</summary>
[Authorize(Policy = Policies.Admin)]
[RequestSizeLimit(PluginUpload.MaxBytes)]
public sealed class PluginsModel(IMediator mediator) : PhsoPageModel
{
    public PluginList List { get; private set; } = new([], false, "");

    public async Task OnGetAsync(CancellationToken cancellationToken) => List = await mediator.Send(new ListPlugins(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? package, CancellationToken cancellationToken)
    {
        var id = "";
        if (await PluginUpload.ReadAsync(package, this, cancellationToken) is { } bytes
            && await TryAsync(async () => id = await mediator.Send(new InstallPlugin(bytes), cancellationToken), prefix: ""))
        {
            var installed = (await mediator.Send(new GetPlugin(id), cancellationToken))!.Plugin;
            SuccessMessage = $"{installed.Name} {installed.PluginVersion} has been installed: {PluginUpload.Describe(installed)}";
            return Redirect($"/admin/plugins/{id}");
        }

        List = await mediator.Send(new ListPlugins(), cancellationToken);
        return Page();
    }
}

/// <summary>One plugin: what it brings, where it stands and why, its history, and switching it on, off, up or out.</summary>
[Authorize(Policy = Policies.Admin)]
[RequestSizeLimit(PluginUpload.MaxBytes)]
public sealed class PluginModel(IMediator mediator, AuditTrailReader auditTrail) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public PluginDetails Details { get; private set; } = default!;

    public IReadOnlyList<AuditTrailEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostEnableAsync(int version, CancellationToken cancellationToken) =>
        ActAsync(new EnablePlugin(Id, version), p => $"{p.Name} has been switched on: {PluginUpload.Describe(p)}", cancellationToken);

    public async Task<IActionResult> OnPostUpgradeAsync(int version, bool force, IFormFile? package, CancellationToken cancellationToken)
    {
        if (await PluginUpload.ReadAsync(package, this, cancellationToken) is { } bytes)
        {
            return await ActAsync(new UpgradePlugin(Id, version, bytes, force), p => $"{p.Name} is now version {p.PluginVersion}: {PluginUpload.Describe(p)}", cancellationToken);
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<IActionResult> ActAsync(SharedKernel.Messaging.ICommand command, Func<Domain.InstalledPlugin, string> message, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(command, cancellationToken), prefix: ""))
        {
            SuccessMessage = message((await mediator.Send(new GetPlugin(Id), cancellationToken))!.Plugin);
            return Redirect($"/admin/plugins/{Id}");
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>What the history leaves out: where the files are unpacked and how they are loaded, and the record's own
    /// change time (each entry has its time).</summary>
    private static readonly HashSet<string> InternalFields = new(StringComparer.Ordinal)
    {
        nameof(Domain.InstalledPlugin.Folder), nameof(Domain.InstalledPlugin.EntryAssembly), nameof(Domain.InstalledPlugin.EntryType), nameof(Domain.InstalledPlugin.ChangedAt),
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPlugin(Id), cancellationToken) is not { } details)
        {
            return false;
        }

        Details = details;
        History = await auditTrail.ReadAsync(PluginsDbContext.Module, "InstalledPlugin", Id, cancellationToken, InternalFields);
        return true;
    }
}

internal static class PluginUpload
{
    public const long MaxBytes = 60 * 1024 * 1024;

    /// <summary>The uploaded package's bytes, or null with an error on the form saying what to do.</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile? package, PhsoPageModel page, CancellationToken cancellationToken)
    {
        if (package is null || package.Length == 0)
        {
            page.ModelState.AddModelError("Package", "Select a plugin package (a .zip file)");
            return null;
        }

        await using var stream = package.OpenReadStream();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    public static string Describe(Domain.InstalledPlugin plugin) => plugin.Status switch
    {
        Contracts.PluginStatus.Active => "it is running now; no restart is needed.",
        _ => $"it is {plugin.Status.ToString().ToLowerInvariant()}: {plugin.StatusReason}",
    };
}
