using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
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
        services.AddSingleton<UnknownAddressAttempts>();

        // Role changes and deactivation reach a signed-in person within a minute, not at the default 30.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
        });

        // The cookie carries a session key; the session itself is kept in the database (see SessionTickets).
        services.AddSingleton<SessionTickets>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTickets>((options, sessions) => options.SessionStore = sessions);

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

/// <summary>
/// Sign-in that gives nothing away: an address with no account, a deactivated account and a wrong password are answered
/// alike, after the same work (one password hash checked, so in about the same time), and an unknown address is
/// "locked" after as many failures as a real one would be. People who have left cannot sign in, even with the right
/// password; only someone who knows the password is told so.
/// </summary>
internal sealed class ActivePeopleSignInManager(
    UserManager<Person> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<Person> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<Person>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<Person> confirmation, UnknownAddressAttempts unknown)
    : SignInManager<Person>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Person user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            unknown.SpendTheSameTime(UserManager.PasswordHasher, password);
            return unknown.Fail(UserManager.NormalizeName(userName)) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        if (!user.IsActive)
        {
            var right = await UserManager.CheckPasswordAsync(user, password);
            return right ? SignInResult.NotAllowed : unknown.Fail(UserManager.NormalizeName(userName)) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        if (await UserManager.IsLockedOutAsync(user))
        {
            // Identity answers a locked account without checking the password; do the same work as any other answer.
            unknown.SpendTheSameTime(UserManager.PasswordHasher, password);
            return SignInResult.LockedOut;
        }

        return await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }
}

/// <summary>Failed sign-ins for addresses that have no account, counted as Identity counts a real account's (five in
/// fifteen minutes lock it), so a lockout message cannot tell an attacker which addresses exist. Kept in this host's
/// memory, at most 100,000 addresses.</summary>
internal sealed class UnknownAddressAttempts(TimeProvider clock, IOptions<IdentityOptions> options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> _attempts = new(StringComparer.Ordinal);

    private readonly Lazy<string> _dummyHash = new(() => new PasswordHasher<Person>().HashPassword(new Person(), Guid.NewGuid().ToString("N")));

    private const int MostAddresses = 100_000;

    /// <summary>Checks the password against a hash of nothing, as a real account's would be checked.</summary>
    public void SpendTheSameTime(IPasswordHasher<Person> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        _ = hasher.VerifyHashedPassword(new Person(), _dummyHash.Value, password ?? "");
    }

    /// <summary>Records a failure; true when the address is now "locked", as a real one would be.</summary>
    public bool Fail(string normalisedAddress)
    {
        var now = clock.GetUtcNow();
        var lockout = options.Value.Lockout;
        if (_attempts.Count >= MostAddresses)
        {
            foreach (var stale in _attempts.Where(a => now - a.Value.Since > lockout.DefaultLockoutTimeSpan).Select(a => a.Key).ToList())
            {
                _attempts.TryRemove(stale, out _);
            }
        }

        var (failures, _) = _attempts.AddOrUpdate(normalisedAddress, (1, now),
            (_, current) => now - current.Since > lockout.DefaultLockoutTimeSpan ? (1, now) : (current.Failures + 1, current.Since));
        return failures >= lockout.MaxFailedAccessAttempts;
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
