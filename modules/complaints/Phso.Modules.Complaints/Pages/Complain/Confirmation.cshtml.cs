using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Complain;

[AllowAnonymous]
public sealed class ConfirmationModel(IOptions<ComplaintsOptions> options) : PhsoPageModel
{
    public string Reference { get; private set; } = "";

    public string Link { get; private set; } = "";

    public int AcknowledgeWithin => options.Value.AcknowledgeWithinWorkingDays;

    public IActionResult OnGet()
    {
        if (TempData[CheckModel.ReferenceKey] is not string reference || TempData[CheckModel.LinkKey] is not string link)
        {
            return Redirect("/complain");
        }

        Reference = reference;
        Link = link;
        return Page();
    }
}
