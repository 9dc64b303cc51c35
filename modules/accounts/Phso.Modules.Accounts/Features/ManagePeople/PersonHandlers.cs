using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Persistence;
using Phso.Modules.Accounts.Security;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Accounts.Features.ManagePeople;

/// <summary>Sends invitations: a password-setting link with a single-use token, through the outbox.</summary>
internal sealed class Invitations(AccountsDbContext db, UserManager<Person> users, PublicUrls urls, TimeProvider clock)
{
    public async Task InviteAsync(Person person)
    {
        var token = await users.GeneratePasswordResetTokenAsync(person);
        db.Publish(new PersonInvited(
            person.Id, person.Email!, person.DisplayName,
            urls.Absolute($"/account/set-password?person={person.Id}&token={Uri.EscapeDataString(token)}"),
            clock.GetUtcNow() + IdentitySetup.LinkLifetime));
    }
}

internal sealed class CreatePersonHandler(UserManager<Person> users, PersonRules rules, Invitations invitations, TimeProvider clock)
    : IRequestHandler<CreatePerson, Guid>
{
    public async Task<Guid> Handle(CreatePerson request, CancellationToken cancellationToken)
    {
        var person = new Person { Id = Guid.CreateVersion7(), CreatedAt = clock.GetUtcNow(), EmailConfirmed = true, LockoutEnabled = true };
        var roles = await rules.ApplyAsync(person, request, cancellationToken);
        PersonRules.Succeeded(await users.CreateAsync(person));
        await rules.SetRolesAsync(person, roles);
        await invitations.InviteAsync(person);
        return person.Id;
    }
}

internal sealed class UpdatePersonHandler(AccountsDbContext db, UserManager<Person> users, PersonRules rules) : IRequestHandler<UpdatePerson, Unit>
{
    public async Task<Unit> Handle(UpdatePerson request, CancellationToken cancellationToken)
    {
        var person = await db.Users.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("There is no person with that id.");
        db.ExpectVersion(person, request.Version);
        var wasPartner = person.OrganisationId is not null;
        var roles = await rules.ApplyAsync(person, request, cancellationToken);
        if (wasPartner != (person.OrganisationId is not null))
        {
            throw RequestValidationException.For<IPersonDetails>(d => d.Kind, "A person cannot move between staff and a partner organisation. Deactivate this account and create a new one");
        }

        PersonRules.Succeeded(await users.UpdateAsync(person));
        await rules.SetRolesAsync(person, roles);
        PersonRules.Succeeded(await users.UpdateSecurityStampAsync(person));
        return Unit.Value;
    }
}

internal sealed class DeactivatePersonHandler(AccountsDbContext db, UserManager<Person> users, ICurrentUser currentUser) : IRequestHandler<DeactivatePerson, Unit>
{
    public async Task<Unit> Handle(DeactivatePerson request, CancellationToken cancellationToken)
    {
        var person = await db.Users.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("There is no person with that id.");
        db.ExpectVersion(person, request.Version);
        if (!person.IsActive)
        {
            throw new RuleViolationException($"{person.DisplayName} has already been deactivated.");
        }

        if (person.Id == currentUser.Id)
        {
            throw new RuleViolationException("You cannot deactivate your own account. Ask another administrator.");
        }

        var adminRole = AccountsDbContext.RoleIds[Roles.Admin];
        var isAdmin = await db.UserRoles.AnyAsync(r => r.UserId == person.Id && r.RoleId == adminRole, cancellationToken);
        if (isAdmin && !await db.Users.AnyAsync(p => p.Id != person.Id && p.IsActive && db.UserRoles.Any(r => r.UserId == p.Id && r.RoleId == adminRole), cancellationToken))
        {
            throw new RuleViolationException($"{person.DisplayName} is the only active administrator. Give someone else the administrator role first.");
        }

        person.IsActive = false;
        person.LockoutEnd = DateTimeOffset.MaxValue;
        PersonRules.Succeeded(await users.UpdateSecurityStampAsync(person));
        db.Publish(new PersonDeactivated(person.Id));
        return Unit.Value;
    }
}

internal sealed class ReactivatePersonHandler(AccountsDbContext db, UserManager<Person> users) : IRequestHandler<ReactivatePerson, Unit>
{
    public async Task<Unit> Handle(ReactivatePerson request, CancellationToken cancellationToken)
    {
        var person = await db.Users.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("There is no person with that id.");
        db.ExpectVersion(person, request.Version);
        if (person.IsActive)
        {
            throw new RuleViolationException($"{person.DisplayName} is already active.");
        }

        person.IsActive = true;
        person.LockoutEnd = null;
        person.AccessFailedCount = 0;
        PersonRules.Succeeded(await users.UpdateAsync(person));
        return Unit.Value;
    }
}

internal sealed class ResendInvitationHandler(AccountsDbContext db, Invitations invitations, UserManager<Person> users) : IRequestHandler<ResendInvitation, Unit>
{
    public async Task<Unit> Handle(ResendInvitation request, CancellationToken cancellationToken)
    {
        var person = await db.Users.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("There is no person with that id.");
        if (!person.IsActive)
        {
            throw new RuleViolationException($"{person.DisplayName} has been deactivated. Reactivate the account first.");
        }

        // A new security stamp invalidates the earlier link, so only the newest invitation works.
        PersonRules.Succeeded(await users.UpdateSecurityStampAsync(person));
        await invitations.InviteAsync(person);
        return Unit.Value;
    }
}

internal sealed class CreateAdministratorValidator : AbstractValidator<CreateAdministrator>
{
    public CreateAdministratorValidator()
    {
        RuleFor(c => c.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the administrator's name (--name)");
        RuleFor(c => c.Email).EmailAddress().WithMessage("Give a valid email address (--email)");
    }
}

internal sealed class CreateAdministratorHandler(UserManager<Person> users, PersonRules rules, TimeProvider clock) : IRequestHandler<CreateAdministrator, Guid>
{
    public async Task<Guid> Handle(CreateAdministrator request, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(request.Email) is not null)
        {
            throw RequestValidationException.For<CreateAdministrator>(r => r.Email, $"There is already an account for {request.Email}");
        }

        var person = new Person
        {
            Id = Guid.CreateVersion7(), CreatedAt = clock.GetUtcNow(), EmailConfirmed = true, LockoutEnabled = true,
            DisplayName = request.DisplayName.Trim(), Email = request.Email.Trim(), UserName = request.Email.Trim(),
        };
        PersonRules.Succeeded<CreateAdministrator>(await users.CreateAsync(person, request.Password), r => r.Password, r => r.Email);
        await rules.SetRolesAsync(person, [Roles.Admin, Roles.Staff]);
        return person.Id;
    }
}
