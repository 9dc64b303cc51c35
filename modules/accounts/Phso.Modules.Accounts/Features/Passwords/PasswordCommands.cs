using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.Modules.Accounts.Persistence;
using Phso.Modules.Accounts.Security;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Features.Passwords;

/// <summary>Emails a reset link if an active account has this address. Says nothing about whether one does.</summary>
[AnyCaller]
internal sealed record RequestPasswordReset(string Email) : ICommand;

/// <summary>Sets a password from an invitation or reset link.</summary>
[AnyCaller]
internal sealed record SetPasswordWithToken(Guid PersonId, string Token, string Password, string ConfirmPassword) : ICommand;

/// <summary>Changes the signed-in person's password.</summary>
[RequiresPolicy(Policies.SignedIn)]
internal sealed record ChangePassword(string CurrentPassword, string Password, string ConfirmPassword) : ICommand;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator() => RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
        .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Enter your email address")
        .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
}

internal sealed class SetPasswordWithTokenValidator : AbstractValidator<SetPasswordWithToken>
{
    public SetPasswordWithTokenValidator()
    {
        RuleFor(c => c.Password).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Enter a new password");
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("The passwords do not match");
    }
}

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Enter your current password");
        RuleFor(c => c.Password).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Enter a new password");
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("The passwords do not match");
    }
}

internal sealed class RequestPasswordResetHandler(AccountsDbContext db, UserManager<Person> users, PublicUrls urls, TimeProvider clock)
    : IRequestHandler<RequestPasswordReset, Unit>
{
    public async Task<Unit> Handle(RequestPasswordReset request, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(request.Email.Trim()) is { IsActive: true } person)
        {
            var token = await users.GeneratePasswordResetTokenAsync(person);
            db.Publish(new PasswordResetRequested(
                person.Id, person.Email!, person.DisplayName,
                urls.Absolute($"/account/set-password?person={person.Id}&token={Uri.EscapeDataString(token)}"),
                clock.GetUtcNow() + IdentitySetup.LinkLifetime));
        }

        return Unit.Value;
    }
}

internal sealed class SetPasswordWithTokenHandler(AccountsDbContext db, UserManager<Person> users) : IRequestHandler<SetPasswordWithToken, Unit>
{
    private const string Expired = "This link has expired or has already been used. Ask for a new one from the sign-in page.";

    public async Task<Unit> Handle(SetPasswordWithToken request, CancellationToken cancellationToken)
    {
        var person = await db.Users.SingleOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken);
        if (person is not { IsActive: true })
        {
            throw new RuleViolationException(Expired);
        }

        var result = await users.ResetPasswordAsync(person, request.Token, request.Password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            throw new RuleViolationException(Expired);
        }

        PersonRules.Succeeded<SetPasswordWithToken>(result, r => r.Password);
        PersonRules.Succeeded(await users.ResetAccessFailedCountAsync(person));
        PersonRules.Succeeded(await users.SetLockoutEndDateAsync(person, null));
        return Unit.Value;
    }
}

internal sealed class ChangePasswordHandler(AccountsDbContext db, UserManager<Person> users, ICurrentUser currentUser) : IRequestHandler<ChangePassword, Unit>
{
    public async Task<Unit> Handle(ChangePassword request, CancellationToken cancellationToken)
    {
        var person = await db.Users.SingleAsync(p => p.Id == currentUser.Id, cancellationToken);
        var result = await users.ChangePasswordAsync(person, request.CurrentPassword, request.Password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            throw RequestValidationException.For<ChangePassword>(r => r.CurrentPassword, "Your current password is not right");
        }

        PersonRules.Succeeded<ChangePassword>(result, r => r.Password);
        return Unit.Value;
    }
}
