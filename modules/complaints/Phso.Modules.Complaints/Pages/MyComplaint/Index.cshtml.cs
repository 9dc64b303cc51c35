using MediatR;

namespace Phso.Modules.Complaints.Pages.MyComplaint;

public sealed class IndexModel(IMediator mediator) : ComplainantPage(mediator)
{
}
