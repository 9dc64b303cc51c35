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
                    AddError(Key(prefix, property), message);
                }
            }
        }
        catch (RuleViolationException e)
        {
            RuleRefused = true;
            AddError(string.Empty, e.Message);
        }
        catch (ConcurrencyConflictException e)
        {
            ConcurrencyConflict = true;
            AddError(string.Empty, e.Message);
        }

        return false;
    }

    /// <summary>Set when the last attempt was refused by a rule about the record's state (409, as the API answers).</summary>
    public bool RuleRefused { get; private set; }

    /// <summary>Set when the last attempt failed because someone else changed the record.</summary>
    public bool ConcurrencyConflict { get; private set; }

    /// <summary>A one-off message for the next page (GOV.UK notification banner, success style).</summary>
    [TempData]
    public string? SuccessMessage { get; set; }

    /// <summary>Adds an error to a field, remembering the order errors were raised in: validators declare their rules in
    /// the form's order, and the error summary lists errors in that order (the model state itself does not keep it).</summary>
    protected void AddError(string key, string message)
    {
        ModelState.AddModelError(key, message);
        ErrorOrder.Record(HttpContext, key);
    }

    private static string Key(string prefix, string property) => prefix.Length == 0 ? property : $"{prefix}.{property}";
}

/// <summary>The order in which a request's form errors were raised, kept for the error summary.</summary>
public static class ErrorOrder
{
    private const string Item = "phso:error-order";

    public static void Record(Microsoft.AspNetCore.Http.HttpContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[Item] is not List<string> keys)
        {
            context.Items[Item] = keys = [];
        }

        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }

    /// <summary>Where a key comes in the recorded order; keys never recorded (model binding's) come first, as they did.</summary>
    public static int PositionOf(Microsoft.AspNetCore.Http.HttpContext context, string key) =>
        context?.Items[Item] is List<string> keys && keys.IndexOf(key) is var index and >= 0 ? index : -1;
}
