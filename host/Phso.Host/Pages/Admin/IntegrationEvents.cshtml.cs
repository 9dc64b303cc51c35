using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Host.Pages.Admin;

/// <summary>Integration events between modules: how many wait, retry or are dead-lettered, and retrying them.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IntegrationEventsModel(OutboxAdministration outbox) : PhsoPageModel
{
    public IReadOnlyList<OutboxSummary> Summaries { get; private set; } = [];

    public IReadOnlyList<OutboxMessageView> Troubled { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Summaries = await outbox.SummariseAsync(cancellationToken);
        Troubled = await outbox.ListTroubledAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(string module, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.RetryAsync(module, id, cancellationToken);
            SuccessMessage = "The message will be delivered again within a few seconds.";
            return Redirect("/admin/integration-events");
        }
        catch (Exception e) when (e is NotFoundException or RuleViolationException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }
}
