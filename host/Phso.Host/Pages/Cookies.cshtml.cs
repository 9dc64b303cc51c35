using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Phso.Host.Pages;

[AllowAnonymous]
public sealed class CookiesModel : PageModel;
