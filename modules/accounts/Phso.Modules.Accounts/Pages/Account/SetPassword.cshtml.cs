using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Features.Passwords;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Pages.Account;

[AllowAnonymous]
public sealed class SetPasswordModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public PasswordForm Input { get; set; } = new();

    public bool LinkIsIncomplete => Person is null || string.IsNullOrEmpty(Token);

    public IActionResult OnGet()
    {
        if (LinkIsIncomplete)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (LinkIsIncomplete)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (await TryAsync(() => mediator.Send(new SetPasswordWithToken(Person!.Value, Token!, Input.Password ?? "", Input.ConfirmPassword ?? ""), cancellationToken), "Input"))
        {
            SuccessMessage = "Your password has been set. Sign in with it now.";
            return Redirect("/account/sign-in");
        }

        return Page();
    }

    public sealed class PasswordForm
    {
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
