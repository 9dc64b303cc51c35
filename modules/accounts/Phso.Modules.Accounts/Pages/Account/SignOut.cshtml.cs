using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Domain;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Account;

/// <summary>Signing out needs no permission; the form's antiforgery token stops other sites from signing people out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<Person> signIn) : PhsoPageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        SuccessMessage = "You have signed out.";
        return Redirect("/");
    }
}
