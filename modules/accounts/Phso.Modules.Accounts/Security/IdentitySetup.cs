using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Accounts.Security;

internal static class IdentitySetup
{
    /// <summary>How long an invitation or password reset link works.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(3);

    public static void AddPhsoIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<Person, IdentityRole<Guid>>(options =>
            {
                // Length over composition, as the NCSC advises; the validator below also refuses the email address.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PhsoClaimsPrincipalFactory>()
            .AddSignInManager<ActivePeopleSignInManager>()
            .AddPasswordValidator<NotTheEmailAddressValidator>();

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = LinkLifetime);

        // Role changes and deactivation reach a signed-in person within a minute, not at the default 30.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "phso.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/error/403";
            // Set the two handlers only: replacing Events would drop Identity's OnValidatePrincipal, which re-checks the
            // security stamp and is what signs out people who were deactivated or had their password reset.
            // APIs answer 401/403 rather than redirecting; pages show the friendly 403 page with a 403 status.
            options.Events.OnRedirectToLogin = context => IsApi(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : Redirect(context);
            options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
        });
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the display name and partner organisation to the signed-in principal.</summary>
internal sealed class PhsoClaimsPrincipalFactory(UserManager<Person> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Person, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PhsoClaimTypes.DisplayName, user.DisplayName));
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(PhsoClaimTypes.OrganisationId, organisation.ToString()));
        }

        return identity;
    }
}

/// <summary>People who have left cannot sign in, even with the right password.</summary>
internal sealed class ActivePeopleSignInManager(
    UserManager<Person> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<Person> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<Person>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<Person> confirmation)
    : SignInManager<Person>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Person user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }
}

/// <summary>Refuses a password that is the person's email address or contains it.</summary>
internal sealed class NotTheEmailAddressValidator : IPasswordValidator<Person>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Person> manager, Person user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var email = user.Email ?? "";
        var local = email.Split('@')[0];
        return Task.FromResult(password is not null && email.Length > 0 &&
            (password.Contains(email, StringComparison.OrdinalIgnoreCase) || (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase)))
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "Your password must not contain your email address" })
            : IdentityResult.Success);
    }
}
