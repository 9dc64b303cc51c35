using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Domain;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<Person> signIn, UnitOfWorkContext unitOfWork) : PhsoPageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            AddError("Input.Email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            AddError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Failed attempts and lockouts change the account, so they are audited under this name.
        unitOfWork.Operation = "SignIn";
        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.IsNotAllowed)
        {
            AddError(string.Empty, "You cannot sign in with this account. If you think you should be able to, contact an administrator.");
        }
        else if (result.IsLockedOut)
        {
            AddError(string.Empty, "This account is locked for 15 minutes because of too many attempts with the wrong password. Try again later, or reset your password.");
        }
        else
        {
            AddError("Input.Email", "The email address or password is not right");
        }

        return Page();
    }

    public sealed class SignInForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
