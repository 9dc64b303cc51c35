using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Phso.Modules.Publication.Anonymisation;

/// <summary>Identifiers with a shape: NHS and National Insurance numbers, phone numbers, email addresses, postcodes,
/// street addresses, hospital and case numbers.</summary>
internal static partial class NumbersAndContacts
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static IEnumerable<Finding> Find(string text)
    {
        foreach (Match m in Email().Matches(text))
        {
            yield return new(m.Index, m.Length, IdentifierKind.EmailAddress, "[email address removed]", "An email address.", 5);
        }

        foreach (var phone in FindPhones(text))
        {
            yield return phone;
        }

        foreach (Match m in NhsShape().Matches(text))
        {
            if (NhsNumber(text, m) is { } finding)
            {
                yield return finding;
            }
        }

        foreach (Match m in NiNumber().Matches(text))
        {
            if (!InvalidNiPrefixes.Contains(m.Groups["prefix"].Value))
            {
                yield return new(m.Index, m.Length, IdentifierKind.NationalInsuranceNumber, "[National Insurance number removed]", "A National Insurance number.", 7);
            }
        }

        foreach (Match m in TownAndPostcode().Matches(text))
        {
            var postcode = m.Groups["postcode"];
            var town = m.Groups["town"];
            var start = town.Success ? town.Index : postcode.Index;
            yield return new(start, postcode.Index + postcode.Length - start, IdentifierKind.Postcode, "[postcode removed]",
                town.Success ? "A town with its postcode." : "A UK postcode.", 4);
        }

        foreach (Match m in StreetAddress().Matches(text))
        {
            yield return new(m.Index, m.Length, IdentifierKind.Address, "[address removed]", "A house number and street.", 4);
        }

        foreach (Match m in HospitalNumber().Matches(text))
        {
            var id = m.Groups["id"];
            yield return new(id.Index, id.Length, IdentifierKind.HospitalNumber, "[hospital number removed]", $"Labelled as a hospital or patient number (\"{m.Groups["label"].Value}\").", 6);
        }

        foreach (Match m in CaseNumber().Matches(text))
        {
            var id = m.Groups["id"];
            if (id.Value.Count(char.IsAsciiDigit) >= 3)
            {
                yield return new(id.Index, id.Length, IdentifierKind.CaseNumber, "[case number removed]", $"Labelled as a case or reference number (\"{m.Groups["label"].Value}\").", 3);
            }
        }
    }

    /// <summary>NHS numbers are ten digits whose last is a mod-11 check digit. About one in eleven random ten-digit
    /// numbers passes, so a number that is plainly something else (an amount, part of a longer number, a phone number
    /// with its trunk zero) is left alone; one labelled as an NHS number is removed even with a wrong check digit,
    /// since a typing slip does not make it less personal.</summary>
    private static Finding? NhsNumber(string text, Match m)
    {
        var digits = string.Concat(m.Value.Where(char.IsAsciiDigit));
        var before = text[Math.Max(0, m.Index - 25)..m.Index];
        var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 12)];
        var labelled = NhsLabel().IsMatch(before);
        if (!labelled && (MoneyBefore().IsMatch(before) || MoneyAfter().IsMatch(after) || digits[0] == '0'))
        {
            return null;
        }

        if (PassesCheckDigit(digits))
        {
            return new(m.Index, m.Length, IdentifierKind.NhsNumber, "[NHS number removed]", "An NHS number (ten digits with a valid check digit).", 5);
        }

        return labelled
            ? new(m.Index, m.Length, IdentifierKind.NhsNumber, "[NHS number removed]", "Labelled as an NHS number, though its check digit does not match.", 5)
            : null;
    }

    /// <summary>Weights 10 down to 2 on the first nine digits; 11 minus the remainder mod 11 is the check digit, 11
    /// meaning 0 and 10 meaning the number is not valid.</summary>
    public static bool PassesCheckDigit(string digits)
    {
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check != 10 && check == digits[9] - '0';
    }

    private static IEnumerable<Finding> FindPhones(string text)
    {
        // "GB", not "UK": libphonenumber knows regions by ISO 3166 code. Only numbers written as people dial them
        // (a trunk zero or +44): ten bare digits are more likely an NHS number, which has its own check.
        // POSSIBLE (the right length for its range), not VALID: a number in a range not yet allocated, or one of
        // Ofcom's ranges kept for drama, is still someone's number as far as a published text is concerned.
        foreach (var match in Phones.FindNumbers(text, "GB", PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue))
        {
            var raw = match.RawString.TrimStart('(');
            if ((raw.StartsWith('0') || raw.StartsWith('+')) && raw.Count(char.IsAsciiDigit) >= 10)
            {
                yield return new(match.Start, match.Length, IdentifierKind.PhoneNumber, "[phone number removed]", "A phone number.", 6);
            }
        }
    }

    private static readonly HashSet<string> InvalidNiPrefixes = ["BG", "GB", "NK", "KN", "NT", "TN", "ZZ"];

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d.,£$€/-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d.,]\d|\d)")]
    private static partial Regex NhsShape();

    [GeneratedRegex(@"NHS\s*(?:number|no\.?|num|#)\s*(?:is|was|of|as|:)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NhsLabel();

    [GeneratedRegex(@"(?:[£$€]|\bGBP|\bpounds?|\bpence)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyBefore();

    [GeneratedRegex(@"^\s*(?:pounds|pence|GBP|p\b|%|per\s?cent)", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyAfter();

    // First letter never D, F, I, Q, U or V; second never D, F, I, O, Q, U or V; then six digits and A to D.
    [GeneratedRegex(@"\b(?<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b")]
    private static partial Regex NiNumber();

    // A postcode (outward code, space, inward code), with the town before it when there is one: "Leeds LS6 2AB".
    [GeneratedRegex(@"(?:(?<town>\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),?\s+)?(?<postcode>\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?|[A-PR-UWYZ]\d[A-HJKPSTUW])\s?\d[ABD-HJLNP-UW-Z]{2}\b)")]
    private static partial Regex TownAndPostcode();

    [GeneratedRegex(@"\b(?:(?:Flat|Apartment|Unit)\s+\d+[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\p{L}'’-]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Grove|Way|Crescent|Place|Court|Gardens|Terrace|Walk|Square|Hill|Row|Mews|Park|Rise|View|Parade|Green|Vale|Gate|Wharf|Quay|Yard|Villas|Boulevard)\b\.?")]
    private static partial Regex StreetAddress();

    // The label, then the number within a few words ("hospital number on the discharge letter was RXH1234567").
    [GeneratedRegex(@"(?<label>\b(?:hospital|patient|unit|medical\s+record|MRN|RTT)(?:\s+(?:number|no\.?|num|#|ref(?:erence)?))?)(?:[^.;\n\d]{0,40}?\b(?:is|was|of|as|:))?\s*:?\s*(?<id>\b[A-Z]{0,4}-?\d{5,}[A-Z]?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex HospitalNumber();

    [GeneratedRegex(@"(?<label>\b(?:(?:case|complaint|claim|file|your|our|their)\s+(?:ref(?:erence)?|number|no\.?)|ref(?:erence)?(?:\s+number)?\.?))\s*(?:is|was|:)?\s*(?<id>\b[A-Z0-9]{1,8}(?:[-/][A-Z0-9]+)*\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CaseNumber();
}
