using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Training.Features.Certificates;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Training.Pages.Certificates;

/// <summary>The learner's own certificate, printable, with a large-print version.</summary>
[Authorize(Policy = TrainingPolicies.Learn)]
public sealed class CertificateModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Large { get; set; }

    public CertificateView Certificate { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetMyCertificate(Code), cancellationToken) is not { } certificate)
        {
            return NotFound();
        }

        Certificate = certificate;
        return Page();
    }
}

/// <summary>Anyone can check a certificate's code, without signing in.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AnonymousPageCache.PolicyName)]
public sealed class VerifyModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public CertificateView? Certificate { get; private set; }

    public bool Searched => !string.IsNullOrWhiteSpace(Code);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Searched)
        {
            // Opened from a link the page is just the form; sent with the box empty, it says what to do.
            if (Request.Query.ContainsKey("code"))
            {
                AddError(nameof(Code), "Enter the verification code printed on the certificate, for example K7QM-2XWD-HP9T");
            }

            return Page();
        }

        if (Code!.Length > 40)
        {
            AddError(nameof(Code), "Enter the 12-character code printed on the certificate, for example K7QM-2XWD-HP9T");
            return Page();
        }

        Certificate = await mediator.Send(new VerifyCertificate(Code), cancellationToken);
        if (Certificate is null)
        {
            // Not an error in the form: the code was read and no certificate has it.
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}

/// <summary>Admins look up a certificate by its code and revoke it, with a reason the verify page shows.</summary>
[Authorize(Policy = TrainingPolicies.Author)]
public sealed class RevokeModel(IMediator mediator) : PhsoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public CertificateView? Certificate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            Certificate = await mediator.Send(new VerifyCertificate(Code), cancellationToken);
            if (Certificate is null)
            {
                AddError(nameof(Code), "No certificate has that code. Check it and try again");
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new RevokeCertificate(Code ?? "", Reason), cancellationToken), prefix: ""))
        {
            SuccessMessage = "The certificate has been revoked. The verify page now says so, with your reason.";
            return Redirect($"/training/certificates?code={Uri.EscapeDataString(Code ?? "")}");
        }

        Certificate = await mediator.Send(new VerifyCertificate(Code ?? ""), cancellationToken);
        return Page();
    }
}
