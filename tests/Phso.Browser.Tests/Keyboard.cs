using Microsoft.Playwright;

namespace Phso.Browser.Tests;

/// <summary>What a keyboard-only user does: Tab to a control, type, choose with the arrow keys, press Enter.</summary>
public static class Keyboard
{
    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails if the keyboard cannot reach it.</summary>
    public static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"The keyboard never reached {target} on {page.Url}");
    }

    public static async Task TypeAsync(IPage page, ILocator field, string text)
    {
        await TabToAsync(page, field);
        await page.Keyboard.TypeAsync(text);
    }

    public static async Task DateAsync(IPage page, string id, DateOnly date)
    {
        await TypeAsync(page, page.Locator($"#{id}"), date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TypeAsync(page, page.Locator($"#{id}_Month"), date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TypeAsync(page, page.Locator($"#{id}_Year"), date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Chooses a radio as a keyboard user does: Tab into the group, then the arrow keys, which choose as they move.</summary>
    public static async Task ChooseAsync(IPage page, string label)
    {
        var radio = page.GetByLabel(label, new() { Exact = true });
        var name = await radio.GetAttributeAsync("name");
        for (var presses = 0; presses < 80 && await page.EvaluateAsync<string?>("document.activeElement?.name") != name; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        for (var presses = 0; presses < 10 && !await radio.EvaluateAsync<bool>("el => el === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Space");
        Assert.True(await radio.IsCheckedAsync(), $"The keyboard could not choose \"{label}\" on {page.Url}");
    }

    public static Task ContinueAsync(IPage page) => ActivateAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }));

    /// <summary>Tabs to a button or link and presses Enter, waiting for the page it leads to.</summary>
    public static async Task ActivateAsync(IPage page, ILocator target)
    {
        await TabToAsync(page, target);
        var before = page.Url;
        var inPage = (await target.GetAttributeAsync("href"))?.StartsWith('#') == true;
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (!inPage)
        {
            await page.WaitForFunctionAsync("before => location.href !== before || document.title.startsWith('Error')", before);
        }
    }
}
