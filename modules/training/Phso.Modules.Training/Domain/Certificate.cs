using System.Security.Cryptography;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Domain;

public enum CertificateStatus
{
    Valid,

    /// <summary>Valid, but expiring within 30 days.</summary>
    Expiring,
    Expired,
    Revoked,

    /// <summary>A later certificate for the same course replaced it (recertification).</summary>
    Superseded,
}

/// <summary>A certificate issued on completing a course, with a code anyone can check on the public verify page.
/// It carries what it certifies as it was on the day (name, course title, hours), so later changes do not alter it.</summary>
public sealed class Certificate
{
    /// <summary>No 0/O, 1/I/L: codes are read aloud and typed from paper.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private Certificate()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public Guid PersonId { get; private set; }

    public string PersonName { get; private set; } = "";

    public Guid CourseId { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string CourseTitle { get; private set; } = "";

    public decimal Hours { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public string? RevokedReason { get; private set; }

    public Guid? SupersededById { get; private set; }

    public static Certificate Issue(Enrolment record, string personName, CourseContent content, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(content);
        return new Certificate
        {
            Id = Guid.CreateVersion7(), Code = NewCode(), PersonId = record.PersonId, PersonName = personName, CourseId = record.CourseId, EnrolmentId = record.Id,
            CourseTitle = content.Title, Hours = content.Hours, IssuedOn = issuedOn, ExpiresOn = record.ExpiresOn,
        };
    }

    /// <summary>Twelve characters in three groups, e.g. "K7QM-2XWD-HP9T": about 59 bits, so codes cannot be guessed.</summary>
    public static string NewCode()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>The code as typed: any case, with or without hyphens or spaces.</summary>
    public static string Normalise(string? code)
    {
        var plain = new string([.. (code ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return plain.Length == 12 ? $"{plain[..4]}-{plain[4..8]}-{plain[8..]}" : plain;
    }

    public CertificateStatus StatusOn(DateOnly today) =>
        RevokedAt is not null ? CertificateStatus.Revoked
        : SupersededById is not null ? CertificateStatus.Superseded
        : ExpiresOn is { } expires && expires < today ? CertificateStatus.Expired
        : ExpiresOn is { } soon && soon <= today.AddDays(30) ? CertificateStatus.Expiring
        : CertificateStatus.Valid;

    public void Revoke(string? reason, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("Give the reason for revoking the certificate");
        }

        if (RevokedAt is not null)
        {
            throw new RuleViolationException("This certificate has already been revoked.");
        }

        RevokedAt = at;
        RevokedBy = by;
        RevokedReason = reason.Trim();
    }

    public void SupersededBy(Certificate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        SupersededById ??= next.Id;
    }
}
