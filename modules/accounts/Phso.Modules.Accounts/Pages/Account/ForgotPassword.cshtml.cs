using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Features.Passwords;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty]
    public ForgotForm Input { get; set; } = new();

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Sent = await TryAsync(() => mediator.Send(new RequestPasswordReset(Input.Email ?? ""), cancellationToken), "Input");
        return Page();
    }

    public sealed class ForgotForm
    {
        public string? Email { get; set; }
    }
}
