using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phso.SharedKernel.Messaging;

namespace Phso.SharedKernel.Web;

/// <summary>
/// Base for Razor pages that send commands: refusals from the pipeline (validation, rule, conflict) become errors on
/// the same form, next to the field they concern, and the page is shown again with everything the person typed.
/// </summary>
public abstract class PhsoPageModel : PageModel
{
    /// <summary>Runs <paramref name="action"/>; on a refusal adds its messages to the model state under
    /// <paramref name="prefix"/> (the bound property's name) and returns false.</summary>
    protected async Task<bool> TryAsync(Func<Task> action, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return true;
        }
        catch (RequestValidationException e)
        {
            foreach (var (property, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(Key(prefix, property), message);
                }
            }
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(e.Property is null ? string.Empty : Key(prefix, e.Property), e.Message);
        }
        catch (ConcurrencyConflictException e)
        {
            ConcurrencyConflict = true;
            ModelState.AddModelError(string.Empty, e.Message);
        }

        return false;
    }

    /// <summary>Set when the last attempt failed because someone else changed the record.</summary>
    public bool ConcurrencyConflict { get; private set; }

    /// <summary>A one-off message for the next page (GOV.UK notification banner, success style).</summary>
    [TempData]
    public string? SuccessMessage { get; set; }

    private static string Key(string prefix, string property) => prefix.Length == 0 ? property : $"{prefix}.{property}";
}
