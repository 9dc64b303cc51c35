namespace Phso.SharedKernel.Web;

/// <summary>Rate-limiting policies the host defines and modules' endpoints name.</summary>
public static class RateLimits
{
    /// <summary>Anonymous submissions (the complaint API): limited per client address (RateLimits:PublicPostsPerMinute).</summary>
    public const string PublicForms = "public-forms";
}
