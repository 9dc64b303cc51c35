using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;

namespace Phso.SharedKernel.Auditing;

/// <summary>One entry of a record's audit trail, as people read it: the changes in words, with people's names in place
/// of their ids, dates and times as people write them (UK time), and internal references left out.</summary>
public sealed record AuditTrailEntry(DateTimeOffset OccurredAt, string ActorName, string Command, string EntityType, string Action, IReadOnlyList<AuditChange> Changes);

/// <summary>One changed field: its name in words, and its value before and after (null when there was none).</summary>
public sealed record AuditChange(string Field, string? From, string? To);

/// <summary>People's names for their ids, for the audit trail. The accounts module provides it.</summary>
public interface IPersonNames
{
    Task<IReadOnlyDictionary<Guid, string>> NamesOfAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

/// <summary>Reads the audit trail of one record from the module that owns it. Modules expose it to people on the
/// record's own page, under that page's authorisation.</summary>
public sealed class AuditTrailReader(IServiceProvider services, ModuleCatalogue catalogue, IEnumerable<IPersonNames> personNames)
{
    /// <summary>Fields that are bookkeeping, not something a person changed.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "Id", "Version", "NameKey" };

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <param name="moduleName">The module that owns the record.</param>
    /// <param name="recordType">The record's type as audited.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="internalFields">Fields of this record that are bookkeeping a reader has no use for (where its files
    /// are unpacked, say); left out of the history.</param>
    public async Task<IReadOnlyList<AuditTrailEntry>> ReadAsync(string moduleName, string recordType, string recordId, CancellationToken cancellationToken,
        IReadOnlySet<string>? internalFields = null)
    {
        var module = catalogue.Find(moduleName) ?? throw new ArgumentException($"There is no module called '{moduleName}'.", nameof(moduleName));
        if (module.PrimaryDbContextType is not { } contextType)
        {
            return [];
        }

        var context = (IModuleDbContext)services.GetRequiredService(contextType);
        var rows = await context.AuditEntries
            .AsNoTracking()
            .Where(a => a.RecordType == recordType && a.RecordId == recordId)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => new { a.OccurredAt, a.ActorName, a.Command, a.EntityType, a.Action, a.Changes })
            .ToListAsync(cancellationToken);
        var parsed = rows.Select(r => (Row: r, Fields: Parse(r.Changes))).ToList();
        var ids = parsed.SelectMany(p => p.Fields).Where(f => f.Name.EndsWith("Id", StringComparison.Ordinal))
            .SelectMany(f => new[] { f.From, f.To }).Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var names = ids.Count == 0 || personNames.FirstOrDefault() is not { } directory
            ? new Dictionary<Guid, string>()
            : await directory.NamesOfAsync(ids, cancellationToken);
        return [.. parsed.Select(p => new AuditTrailEntry(p.Row.OccurredAt, p.Row.ActorName, p.Row.Command, p.Row.EntityType, p.Row.Action,
            [.. p.Fields.Where(f => internalFields?.Contains(f.Name) != true).Select(f => Describe(f, names)).OfType<AuditChange>()]))];
    }

    private static List<(string Name, string? From, string? To)> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => (p.Name,
            p.Value.TryGetProperty("from", out var f) ? Text(f) : null,
            p.Value.TryGetProperty("to", out var t) ? Text(t) : null))];
    }

    /// <summary>A field in words, or null when it is not for people: bookkeeping, or a reference to another record by id
    /// (a person's id becomes their name; other ids say nothing to a reader).</summary>
    private static AuditChange? Describe((string Name, string? From, string? To) field, IReadOnlyDictionary<Guid, string> names)
    {
        if (Hidden.Contains(field.Name))
        {
            return null;
        }

        if (field.Name.EndsWith("Id", StringComparison.Ordinal) && (IsGuid(field.From) || IsGuid(field.To)))
        {
            string? Person(string? value) => value is null ? null : Guid.TryParse(value, out var id) && names.TryGetValue(id, out var name) ? name : "";
            var (from, to) = (Person(field.From), Person(field.To));
            if (from == "" || to == "")
            {
                return null;
            }

            return new AuditChange(Web.TagHelpers.AuditText.Humanise(field.Name[..^2]), from, to);
        }

        return new AuditChange(Web.TagHelpers.AuditText.Humanise(field.Name), Value(field.From), Value(field.To));
    }

    private static bool IsGuid(string? value) => Guid.TryParse(value, out _);

    /// <summary>A stored value as people read it: an instant in UK time, a date in words.</summary>
    public static string? Value(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        if (stored.Length >= 20 && stored[4] == '-' && stored[10] == 'T'
            && DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            return Web.HtmlTime.Describe(instant);
        }

        if (stored.Length == 10 && DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("d MMMM yyyy", English);
        }

        return stored;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
