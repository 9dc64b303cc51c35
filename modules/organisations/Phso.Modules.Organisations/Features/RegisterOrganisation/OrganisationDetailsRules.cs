using System.Linq.Expressions;
using Phso.SharedKernel.Domain;
using System.Text.RegularExpressions;
using FluentValidation;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Organisations.Features.RegisterOrganisation;

/// <summary>The rules for an organisation's details, shared by registering and updating one.</summary>
internal abstract partial class OrganisationDetailsValidator<T> : AbstractValidator<T>
{
    protected OrganisationDetailsValidator(
        Expression<Func<T, string>> name,
        Expression<Func<T, OrganisationType?>> type,
        Expression<Func<T, Sector?>> sector,
        Expression<Func<T, Nation?>> nation,
        Expression<Func<T, bool?>> inRemit,
        Expression<Func<T, bool?>> isPartner,
        Expression<Func<T, string?>> odsCode)
    {
        RuleFor(name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the organisation's name")
            .MaximumLength(200).WithMessage("The name must be 200 characters or fewer");
        // Rules are declared in the form's order, which is the order of the error summary.
        RuleFor(type).NotNull().WithMessage("Select the type of organisation");

        var typeOf = type.Compile();
        var inRemitOf = inRemit.Compile();
        var nationOf = nation.Compile();
        RuleFor(sector).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Select the sector")
            .Must((request, s) => Fits(typeOf(request), s)).WithMessage((request, _) => typeOf(request) switch
            {
                OrganisationType.GovernmentDepartment => "A government department is in the parliamentary sector",
                { } t => $"{Capitalise(t.Describe())} is in the health sector",
                _ => "Select the sector",
            })
            .Must((request, s) => !(s == Sector.Health && inRemitOf(request) == true && nationOf(request) is { } n && n != Nation.England))
            .WithMessage("The ombudsman can only look at NHS bodies in England. Choose England, or say the organisation is not in remit");
        RuleFor(nation).NotNull().WithMessage("Select the nation the organisation is in");
        RuleFor(inRemit).NotNull().WithMessage("Select yes if the ombudsman can look at complaints about this organisation");
        RuleFor(isPartner).NotNull().WithMessage("Select yes if this organisation is a partner");

        RuleFor(odsCode)
            .Must(code => string.IsNullOrWhiteSpace(code) || OdsCodePattern().IsMatch(code.Trim()))
            .WithMessage("An ODS code is 3 to 6 letters and numbers, like RX1 or B82005");
    }

    private static bool Fits(OrganisationType? type, Sector? sector) => type switch
    {
        null => true,
        OrganisationType.GovernmentDepartment => sector == Sector.Parliamentary,
        OrganisationType.OtherPublicBody => true,
        _ => sector == Sector.Health,
    };

    private static string Capitalise(string text) => (text.StartsWith("NHS", StringComparison.Ordinal) || "AEIOU".Contains(text[0], StringComparison.Ordinal) ? "An " : "A ") + text;

    [GeneratedRegex("^[A-Za-z0-9]{3,6}$")]
    private static partial Regex OdsCodePattern();
}
