using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Features.Passwords;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class PasswordModel(IMediator mediator, SignInManager<Person> signIn, UserManager<Person> users) : PhsoPageModel
{
    [BindProperty]
    public ChangeForm Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryAsync(() => mediator.Send(new ChangePassword(Input.CurrentPassword ?? "", Input.Password ?? "", Input.ConfirmPassword ?? ""), cancellationToken), "Input"))
        {
            return Page();
        }

        // The new security stamp would sign this browser out at the next check; sign it in again with the new one.
        if (await users.GetUserAsync(User) is { } me)
        {
            await signIn.RefreshSignInAsync(me);
        }

        SuccessMessage = "Your password has been changed.";
        return Redirect("/account");
    }

    public sealed class ChangeForm
    {
        public string? CurrentPassword { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
