using Microsoft.AspNetCore.Authorization;

namespace Phso.SharedKernel.Security;

/// <summary>
/// Authorisation policies. Every page and API endpoint names one of these (or is explicitly anonymous); the
/// authorisation matrix test fails the build when one does not. Modules may add their own in ConfigureServices.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in, staff or partner.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Any member of the ombudsman's staff.</summary>
    public const string StaffOnly = "StaffOnly";

    /// <summary>Administrators.</summary>
    public const string Admin = "Admin";

    /// <summary>People of a partner organisation (leads and handlers).</summary>
    public const string PartnerPeople = "PartnerPeople";

    public static void AddPhsoPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(StaffOnly, p => p.RequireAuthenticatedUser().RequireRole(Roles.StaffRoles));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(PartnerPeople, p => p.RequireAuthenticatedUser().RequireRole(Roles.PartnerRoles));
    }
}
