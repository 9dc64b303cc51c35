using Microsoft.Extensions.Caching.Memory;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Runtime;
using Phso.Plugins.Abstractions;

namespace Phso.Modules.Plugins.Features.Standards;

/// <summary>What both local-standard requests share: whether a standard covers an organisation, today's date in the
/// UK, and a calendar's name for people.</summary>
internal static class LocalStandardTerms
{
    public static bool Covers(ComplaintStandardDescription description, string organisation) =>
        description.Organisations.Any(o => string.Equals(o.Trim(), organisation.Trim(), StringComparison.OrdinalIgnoreCase));

    public static DateOnly Today(TimeProvider clock) => Phso.SharedKernel.Time.UkTime.Today(clock);

    public static string CalendarName(Phso.Plugins.Abstractions.Nation nation) => nation switch
    {
        Phso.Plugins.Abstractions.Nation.Scotland => "Scotland",
        Phso.Plugins.Abstractions.Nation.NorthernIreland => "Northern Ireland",
        _ => "England and Wales",
    };
}
