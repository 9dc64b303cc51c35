namespace Phso.Browser.Tests;

/// <summary>The demo accounts (one per role) and the password they share; see the README.</summary>
public static class Roles
{
    public const string Password = "Demo-Password-2026";

    public static readonly IReadOnlyDictionary<string, string> Accounts = new Dictionary<string, string>
    {
        ["Admin"] = "admin@ombudsman.example",
        ["Caseworker"] = "caseworker@ombudsman.example",
        ["Publisher"] = "publisher@ombudsman.example",
        ["Manager"] = "manager@ombudsman.example",
        ["Coach"] = "coach@ombudsman.example",
        ["EdiLead"] = "edilead@ombudsman.example",
        ["Staff"] = "staff@ombudsman.example",
        ["PartnerLead"] = "partnerlead@coldharbour.example",
        ["PartnerHandler"] = "partnerhandler@coldharbour.example",
    };

    public static async Task SignInAsync(Microsoft.Playwright.IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/sign-in", StringComparison.Ordinal));
        if (answer.Status != 302)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {answer.Status}: {await page.Locator("main").InnerTextAsync()}");
        }

        // Only that the browser has left the sign-in page, read from page.Url (set when a navigation commits). Waiting
        // for a load event raced with it, and so did WaitForURLAsync: when the URL already matched, it waited for a
        // "commit" load state that never fires again, until the time-out (three times in CI). Callers go on with a
        // navigation of their own, which waits for its page.
        for (var wait = 0; wait < 300 && page.Url.Contains("/account/sign-in", StringComparison.Ordinal); wait++)
        {
            await Task.Delay(100);
        }

        if (page.Url.Contains("/account/sign-in", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in as {email} did not leave the sign-in page within 30 seconds");
        }
    }
}
