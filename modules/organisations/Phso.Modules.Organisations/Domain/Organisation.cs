using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Organisations.Domain;

/// <summary>A public body in (or outside) the ombudsman's remit, or a partner organisation.</summary>
internal sealed class Organisation : IVersioned
{
    private Organisation()
    {
    }

    public Organisation(Guid id, OrganisationDetails details)
    {
        Id = id;
        Apply(details);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The name folded for uniqueness and search: trimmed, single-spaced, upper case.</summary>
    public string NameKey { get; private set; } = "";

    public OrganisationType Type { get; private set; }
    public Sector Sector { get; private set; }
    public Nation Nation { get; private set; }
    public bool InRemit { get; private set; }
    public bool IsPartner { get; private set; }
    public string? OdsCode { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosedReason { get; private set; }
    public int Version { get; set; }

    public void Apply(OrganisationDetails details)
    {
        Name = details.Name;
        NameKey = KeyOf(details.Name);
        Type = details.Type;
        Sector = details.Sector;
        Nation = details.Nation;
        InRemit = details.InRemit;
        IsPartner = details.IsPartner;
        OdsCode = details.OdsCode;
    }

    public void Close(DateOnly on, string reason)
    {
        if (ClosedOn is not null)
        {
            throw new RuleViolationException($"{Name} is already recorded as closed on {ClosedOn:d MMMM yyyy}.");
        }

        ClosedOn = on;
        ClosedReason = reason;
    }

    public void Reopen()
    {
        if (ClosedOn is null)
        {
            throw new RuleViolationException($"{Name} is not closed.");
        }

        ClosedOn = null;
        ClosedReason = null;
    }

    public OrganisationSummary ToSummary() => new(Id, Name, Type, Sector, Nation, InRemit, IsPartner, OdsCode, ClosedOn, Version);

    public static string Tidy(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string KeyOf(string name) => Tidy(name).ToUpperInvariant();
}

/// <summary>The details an admin maintains, already validated and tidied.</summary>
internal sealed record OrganisationDetails(string Name, OrganisationType Type, Sector Sector, Nation Nation, bool InRemit, bool IsPartner, string? OdsCode);
