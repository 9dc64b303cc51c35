using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Pages.Complain;

[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AnonymousPageCache.PolicyName)]
public sealed class IndexModel(IOptions<ComplaintsOptions> options) : PhsoPageModel
{
    public bool AnswersExpired => TempData.Peek(QuestionPage.ExpiredFlag) is true;

    public ComplaintsOptions Settings => options.Value;
}
