using Phso.Modules.Publication.Anonymisation;

namespace Phso.Modular.Tests.Publication;

/// <summary>The anonymisation pipeline, one rule at a time, with what it must leave alone.</summary>
public sealed class AnonymiserTests
{
    private static readonly AnonymisationContext EllisCase = new(
        [new KnownPerson("Margaret Anne Ellis", PersonRole.Complainant, "Mrs"), new KnownPerson("Tomasz Ellis", PersonRole.Representative, "Mr"), new KnownPerson("Noah Ellis", PersonRole.Child)],
        ["Coldharbour NHS Foundation Trust"]);

    private static AnonymisedText Run(string text, AnonymisationContext? context = null) => Anonymiser.Anonymise(text, context ?? AnonymisationContext.None);

    [Fact]
    public void The_complainant_is_one_letter_in_every_form_of_their_name_and_never_their_own_initial()
    {
        var result = Run("Mrs Ellis complained. Margaret Anne Ellis said Margaret's letters went unanswered; MARGARET ELLIS and M. Ellis are her too, as is Ellis's son.", EllisCase);

        // B is free (her initials are M, A and E), so she is Mrs B, throughout and with her possessives.
        Assert.Equal("Mrs B complained. Mrs B said Mrs B's letters went unanswered; Mrs B and Mrs B are her too, as is Mrs B's son.", result.Text);
        Assert.All(result.Changes, c => Assert.Equal(IdentifierKind.PersonName, c.Kind));
        Assert.Contains(result.Changes, c => c.Original == "MARGARET ELLIS" && c.Reason.Contains("the complainant", StringComparison.Ordinal));
    }

    [Fact]
    public void Letters_skip_a_persons_own_initials_and_a_child_has_an_initial_only()
    {
        var context = new AnonymisationContext([new KnownPerson("Beatrice Collins", PersonRole.Complainant, "Ms"), new KnownPerson("Noah Ellis", PersonRole.Child)], []);
        var result = Run("Beatrice Collins and her son Noah went to the clinic; Noah was seen late.", context);

        // Beatrice Collins is D (B and C are her initials); her son, a child, is an initial alone: B, which is not his.
        Assert.Equal("Ms D and her son B went to the clinic; B was seen late.", result.Text);
    }

    [Fact]
    public void The_same_person_keeps_their_letter_across_the_fields_of_one_document()
    {
        var document = Anonymiser.Start(EllisCase);
        var summary = document.Anonymise("Dr Okonjo saw Mrs Ellis.");
        var findings = document.Anonymise("We found that Dr Okonjo did not examine Margaret, and Okonjo's notes were brief.");

        // B, C and D are the case file's people (the complainant, her representative, her son); Dr Okonjo, found in
        // the text, is the next letter, and stays Dr E in the second field.
        Assert.Equal("Dr E saw Mrs B.", summary.Text);
        Assert.Equal("We found that Dr E did not examine Mrs B, and Dr E's notes were brief.", findings.Text);
    }

    [Fact]
    public void Names_are_matched_without_regard_to_case_or_accents()
    {
        var context = new AnonymisationContext([new KnownPerson("Siân Llewellyn", PersonRole.Complainant, "Ms"), new KnownPerson("Zoë Szymańska", PersonRole.Other)], []);
        var result = Run("Sian Llewellyn and ZOE SZYMANSKA wrote; llewellyn signed.", context);

        Assert.Equal("Ms B and C wrote; Ms B signed.", result.Text);
    }

    [Fact]
    public void Staff_named_with_a_title_or_a_job_title_are_found_though_the_case_file_does_not_hold_them()
    {
        var result = Run("The consultant, Jane Roberts, told Staff Nurse Kowalczyk and Dr A. Khan. Later Roberts apologised.");

        Assert.DoesNotContain("Roberts", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kowalczyk", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Khan", result.Text, StringComparison.Ordinal);
        Assert.StartsWith("The consultant, ", result.Text, StringComparison.Ordinal);
        Assert.Contains("Staff Nurse ", result.Text, StringComparison.Ordinal);
        Assert.All(result.Changes, c => Assert.Contains("found in the text", c.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_registered_given_name_with_a_surname_is_a_person_but_an_organisation_named_after_one_is_not()
    {
        var result = Run("Olivia Pemberton rang the Florence Nightingale Hospital, and then the Victoria Ward.");

        Assert.StartsWith("B rang the Florence Nightingale Hospital, and then the Victoria Ward.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_everyday_word_that_is_also_a_name_is_left_in_lower_case_and_months_in_dates_stay_months()
    {
        var context = new AnonymisationContext([new KnownPerson("Grace April Brown", PersonRole.Complainant, "Ms")], []);
        var result = Run("A grace period applied in April 2024, while brown envelopes piled up. Grace Brown was not told.", context);

        Assert.Equal("A grace period applied in April 2024, while brown envelopes piled up. Ms C was not told.", result.Text);
    }

    [Theory]
    [InlineData("943 476 5919")]
    [InlineData("9434765919")]
    [InlineData("943-476-5919")]
    public void An_nhs_number_with_a_valid_check_digit_is_removed_in_any_grouping(string number)
    {
        var result = Run($"Her number is {number}.");

        Assert.Equal("Her number is [NHS number removed].", result.Text);
        Assert.Equal(IdentifierKind.NhsNumber, Assert.Single(result.Changes).Kind);
    }

    [Theory]
    [InlineData("The trust paid £9434765919 by mistake.")]
    [InlineData("A charge of 9434765919 pence was made.")]
    [InlineData("Her number is 9434765918.")]
    [InlineData("The phone number 0113 496 0000 is not an NHS number.")]
    public void Ten_digits_that_are_plainly_something_else_or_fail_the_check_are_not_taken_for_an_nhs_number(string text)
    {
        Assert.DoesNotContain(Run(text).Changes, c => c.Kind == IdentifierKind.NhsNumber);
    }

    [Fact]
    public void A_number_labelled_as_an_nhs_number_is_removed_even_with_a_wrong_check_digit()
    {
        var change = Assert.Single(Run("NHS number: 943 476 5918").Changes);
        Assert.Equal(IdentifierKind.NhsNumber, change.Kind);
        Assert.Contains("check digit does not match", change.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QQ 12 34 56 C", false)]
    [InlineData("GB123456A", false)]
    [InlineData("AB123456C", true)]
    [InlineData("JG 10 37 59 A", true)]
    [InlineData("TN311258F", false)]
    public void National_insurance_numbers_only_with_a_valid_prefix(string number, bool removed)
    {
        Assert.Equal(removed, Run($"NI {number} on file.").Changes.Any(c => c.Kind == IdentifierKind.NationalInsuranceNumber));
    }

    [Fact]
    public void A_date_of_birth_is_removed_and_other_exact_dates_keep_the_month_and_year()
    {
        var result = Run("She was born on 3 May 1941. On 12 March 2024 she was admitted, and on 14/03/2024 discharged; the review was on 2 June.");

        Assert.Equal("She was born on [date of birth removed]. in March 2024 she was admitted, and in March 2024 discharged; the review was in June.", result.Text);
        Assert.Equal(IdentifierKind.DateOfBirth, result.Changes[0].Kind);
        Assert.Equal([IdentifierKind.ExactDate, IdentifierKind.ExactDate, IdentifierKind.ExactDate], result.Changes.Skip(1).Select(c => c.Kind));
    }

    [Fact]
    public void Ages_over_89_are_generalised_and_younger_ages_kept()
    {
        var result = Run("A 93-year-old fell. She was aged 91 and her husband 88 years old; her mother was 102 years old.");

        Assert.Equal("An over-89-year-old fell. She was aged over 89 and her husband 88 years old; her mother was over 89 years old.", result.Text);
    }

    [Fact]
    public void Addresses_postcodes_phones_and_emails_are_removed()
    {
        var result = Run("Write to Flat 2, 14 Elm Grove, Leeds LS6 2AB, or SW1A 1AA; call 0113 496 0123 or +44 7700 900456; email m.ellis@example.org.");

        Assert.Equal("Write to [address removed], [postcode removed], or [postcode removed]; call [phone number removed] or [phone number removed]; email [email address removed].", result.Text);
    }

    [Fact]
    public void Hospital_and_case_numbers_are_removed_by_their_label()
    {
        var result = Run("Hospital number RXH1234567; the trust's complaint reference C/2023/1142 and MRN: 00456789.");

        Assert.Equal("Hospital number [hospital number removed]; the trust's complaint reference [case number removed] and MRN: [hospital number removed].", result.Text);
    }

    [Fact]
    public void Every_change_is_listed_with_the_original_its_position_and_why()
    {
        const string text = "Mrs Ellis rang 0113 496 0123.";
        var result = Run(text, EllisCase);

        Assert.Collection(result.Changes,
            c => Assert.Equal((0, "Mrs Ellis", "Mrs B", IdentifierKind.PersonName), (c.Start, c.Original, c.Replacement, c.Kind)),
            c => Assert.Equal((15, "0113 496 0123", "[phone number removed]", IdentifierKind.PhoneNumber), (c.Start, text.Substring(c.Start, c.Length), c.Replacement, c.Kind)));
    }

    [Fact]
    public void The_check_flags_capitalised_words_that_may_still_identify_and_not_everyday_words_places_or_bodies()
    {
        var result = Run("Yesterday Mr Patel's daughter Quillon travelled from Leeds to Coldharbour NHS Foundation Trust, and told Grace about it.",
            new AnonymisationContext([], ["Coldharbour NHS Foundation Trust"]));

        var flagged = result.Flags.Select(f => f.Text).ToList();
        Assert.Contains("Quillon", flagged);
        Assert.Contains("Grace", flagged);
        Assert.DoesNotContain("Yesterday", flagged);
        Assert.DoesNotContain("Leeds", flagged);
        Assert.DoesNotContain("Coldharbour", flagged);
        Assert.DoesNotContain(result.Flags, f => f.Text.Contains("Patel", StringComparison.Ordinal));
    }

    [Fact]
    public void For_a_small_body_dated_events_and_rare_conditions_are_flagged()
    {
        const string text = "In March 2024 the practice missed her sarcoidosis.";
        Assert.Empty(Run(text).Flags);

        var flags = Run(text, new AnonymisationContext([], [], SmallBody: true)).Flags;
        Assert.Contains(flags, f => f.Text == "March 2024" && f.Reason.Contains("few decisions", StringComparison.Ordinal));
        Assert.Contains(flags, f => f.Text == "sarcoidosis" && f.Reason.Contains("rare condition", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_with_nothing_to_anonymise_comes_back_unchanged()
    {
        const string text = "The trust did not follow its own procedure and has agreed to review it within three months.";
        var result = Run(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Changes);
        Assert.Empty(result.Flags);
    }
}
