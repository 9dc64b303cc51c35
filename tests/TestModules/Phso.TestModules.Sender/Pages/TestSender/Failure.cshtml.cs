using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Phso.TestModules.Sender.Pages.TestSender;

/// <summary>Fails on purpose, to prove the friendly 500 page hides the details outside Development.</summary>
[AllowAnonymous]
public sealed class FailureModel : PageModel
{
    public int Attempts { get; private set; }

    public void OnGet() => throw new InvalidOperationException($"A deliberate failure with secret detail ({++Attempts})");
}
