using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Phso.Host.Composition;

/// <summary>
/// ASP.NET's cookie TempData (the "saved" and "sent" messages shown once on the next page), except that a page with
/// no message to keep, for a visitor who brought no message cookie, sends no cookie: ASP.NET's own provider sends an
/// expired copy on every page that looks for a message, which also kept every public page out of the output cache.
/// </summary>
internal sealed class FlashMessageCookies(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            return;
        }

        cookies.SaveTempData(context, values);
    }
}
