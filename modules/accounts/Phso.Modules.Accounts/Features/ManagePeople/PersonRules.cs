using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Accounts.Features.ManagePeople;

/// <summary>Field rules for a person's details (the rules that need the database are in <see cref="PersonRules"/>).</summary>
internal abstract class PersonDetailsValidator<T> : AbstractValidator<T>
    where T : IPersonDetails
{
    protected PersonDetailsValidator()
    {
        RuleFor(d => d.DisplayName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the person's name")
            .MaximumLength(100).WithMessage("The name must be 100 characters or fewer");
        RuleFor(d => d.Email).Cascade(CascadeMode.Stop)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Enter the person's email address")
            .MaximumLength(256).WithMessage("The email address must be 256 characters or fewer")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
        RuleFor(d => d.Kind).NotNull().WithMessage("Select whether this person is a member of staff or from a partner organisation");
        When(d => d.Kind == PersonKind.Staff, () =>
            RuleForEach(d => d.StaffRoles).Must(r => Roles.StaffRoles.Contains(r)).WithMessage("Select roles from the list"));
        When(d => d.Kind == PersonKind.Partner, () =>
        {
            RuleFor(d => d.PartnerRole).Must(r => r is not null && Roles.PartnerRoles.Contains(r)).WithMessage("Select the person's role in their organisation");
            RuleFor(d => d.OrganisationId).NotNull().WithMessage("Select the partner organisation they work for");
        });
    }
}

internal sealed class CreatePersonValidator : PersonDetailsValidator<CreatePerson>;

internal sealed class UpdatePersonValidator : PersonDetailsValidator<UpdatePerson>;

/// <summary>The rules about a person that need the database: team, line manager, organisation, roles.</summary>
internal sealed class PersonRules(AccountsDbContext db, UserManager<Person> users, IMediator mediator)
{
    /// <summary>Tidies the details, applies them to <paramref name="person"/> and returns the roles they should hold.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(Person person, IPersonDetails details, CancellationToken cancellationToken)
    {
        var email = details.Email.Trim();
        person.DisplayName = string.Join(' ', details.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!string.Equals(person.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            if (await users.FindByEmailAsync(email) is { } other && other.Id != person.Id)
            {
                throw RequestValidationException.For<IPersonDetails>(d => d.Email, $"Someone else already has an account with {email}");
            }
        }

        person.Email = email;
        person.UserName = email;
        person.NormalizedEmail = users.NormalizeEmail(email);
        person.NormalizedUserName = users.NormalizeName(email);

        if (details.Kind == PersonKind.Partner)
        {
            var organisation = await mediator.Send(new GetOrganisation(details.OrganisationId!.Value), cancellationToken);
            if (organisation is not { IsPartner: true, ClosedOn: null })
            {
                throw RequestValidationException.For<IPersonDetails>(d => d.OrganisationId, "Select an open partner organisation from the list");
            }

            person.OrganisationId = organisation.Id;
            person.TeamId = null;
            person.LineManagerId = null;
            return [details.PartnerRole!];
        }

        person.OrganisationId = null;
        if (details.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
        {
            throw RequestValidationException.For<IPersonDetails>(d => d.TeamId, "Select a team from the list");
        }

        person.TeamId = details.TeamId;
        await CheckLineManagerAsync(person, details.LineManagerId, cancellationToken);
        person.LineManagerId = details.LineManagerId;
        return [.. details.StaffRoles.Append(Roles.Staff).Distinct().OrderBy(r => Roles.StaffRoles.ToList().IndexOf(r))];
    }

    private async Task CheckLineManagerAsync(Person person, Guid? managerId, CancellationToken cancellationToken)
    {
        if (managerId is null)
        {
            return;
        }

        if (managerId == person.Id)
        {
            throw RequestValidationException.For<IPersonDetails>(d => d.LineManagerId, "A person cannot be their own line manager");
        }

        var manager = await db.Users.AsNoTracking().SingleOrDefaultAsync(p => p.Id == managerId, cancellationToken);
        if (manager is not { IsActive: true, OrganisationId: null })
        {
            throw RequestValidationException.For<IPersonDetails>(d => d.LineManagerId, "Select a line manager from the list of current staff");
        }

        // Walk up the chain from the new manager: meeting this person means the change would make a loop.
        var seen = new HashSet<Guid> { person.Id };
        for (var next = manager.LineManagerId; next is { } id; next = (await db.Users.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken))?.LineManagerId)
        {
            if (!seen.Add(id))
            {
                throw RequestValidationException.For<IPersonDetails>(d => d.LineManagerId, $"{manager.DisplayName} reports (directly or through others) to {person.DisplayName}, so cannot be their line manager");
            }
        }
    }

    /// <summary>Makes the person hold exactly these roles.</summary>
    public async Task SetRolesAsync(Person person, IReadOnlyList<string> roles)
    {
        var current = await users.GetRolesAsync(person);
        Succeeded(await users.RemoveFromRolesAsync(person, current.Except(roles)));
        Succeeded(await users.AddToRolesAsync(person, roles.Except(current)));
    }

    /// <summary>Turns an Identity failure into the pipeline's refusals: one about the email address (a character
    /// Identity does not allow in it, or an address taken in a race with another change) onto the person's Email,
    /// anything else onto the form as a whole.</summary>
    public static void Succeeded(IdentityResult result) => Succeeded<IPersonDetails>(result, password: null, email: d => d.Email);

    /// <summary>Turns an Identity failure into the pipeline's refusals: a password rule's onto the request's
    /// <paramref name="password"/> property, one about the email address onto <paramref name="email"/>, anything else
    /// onto the form as a whole.</summary>
    public static void Succeeded<TRequest>(
        IdentityResult result,
        System.Linq.Expressions.Expression<Func<TRequest, object?>>? password,
        System.Linq.Expressions.Expression<Func<TRequest, object?>>? email = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConcurrencyConflictException(ConcurrencyConflictException.DefaultMessage);
        }

        var errors = new RequestErrors<TRequest>();
        foreach (var error in result.Errors)
        {
            if (password is not null && error.Code.StartsWith("Password", StringComparison.Ordinal))
            {
                errors.Add(password, error.Description);
            }
            else if (email is not null && (error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal)))
            {
                errors.Add(email, error.Description);
            }
            else
            {
                errors.AddGeneral(error.Description);
            }
        }

        errors.ThrowIfAny();
    }
}
