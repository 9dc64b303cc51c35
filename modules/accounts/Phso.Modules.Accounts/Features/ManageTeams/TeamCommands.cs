using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Accounts.Features.ManageTeams;

/// <summary>Adds a team. Returns its id.</summary>
[RequiresPolicy(Policies.Admin)]
internal sealed record CreateTeam(string Name) : ICommand<Guid>;

/// <summary>Renames a team.</summary>
[RequiresPolicy(Policies.Admin)]
internal sealed record RenameTeam(Guid Id, int Version, string Name) : ICommand;

/// <summary>A team with its version, for the rename page.</summary>
[RequiresPolicy(Policies.Admin)]
internal sealed record GetTeamForEditing(Guid Id) : IQuery<TeamForEditing?>;

public sealed record TeamForEditing(Guid Id, string Name, int Version, int Members);

internal static class TeamNameRule
{
    /// <summary>The tidied name and its key; refused when another team already has it.</summary>
    public static async Task<(string Name, string Key)> UniqueAsync(AccountsDbContext db, string requested, Guid? self, CancellationToken cancellationToken)
    {
        var name = string.Join(' ', requested.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var key = Team.KeyOf(name);
        if (await db.Teams.AnyAsync(t => t.NameKey == key && t.Id != self, cancellationToken))
        {
            throw RequestValidationException.For<CreateTeam>(r => r.Name, $"There is already a team called {name}");
        }

        return (name, key);
    }

    public static IRuleBuilderOptions<T, string> IsATeamName<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the team's name")
        .MaximumLength(100).WithMessage("The team's name must be 100 characters or fewer");
}

internal sealed class CreateTeamValidator : AbstractValidator<CreateTeam>
{
    public CreateTeamValidator() => RuleFor(c => c.Name).IsATeamName();
}

internal sealed class RenameTeamValidator : AbstractValidator<RenameTeam>
{
    public RenameTeamValidator() => RuleFor(c => c.Name).IsATeamName();
}

internal sealed class CreateTeamHandler(AccountsDbContext db) : IRequestHandler<CreateTeam, Guid>
{
    public async Task<Guid> Handle(CreateTeam request, CancellationToken cancellationToken)
    {
        var (name, key) = await TeamNameRule.UniqueAsync(db, request.Name, null, cancellationToken);
        var team = new Team { Id = Guid.CreateVersion7(), Name = name, NameKey = key };
        db.Teams.Add(team);
        return team.Id;
    }
}

internal sealed class RenameTeamHandler(AccountsDbContext db) : IRequestHandler<RenameTeam, Unit>
{
    public async Task<Unit> Handle(RenameTeam request, CancellationToken cancellationToken)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("There is no team with that id.");
        db.ExpectVersion(team, request.Version);
        var (name, key) = await TeamNameRule.UniqueAsync(db, request.Name, team.Id, cancellationToken);
        team.Name = name;
        team.NameKey = key;
        return Unit.Value;
    }
}

internal sealed class GetTeamForEditingHandler(AccountsDbContext db) : IRequestHandler<GetTeamForEditing, TeamForEditing?>
{
    public async Task<TeamForEditing?> Handle(GetTeamForEditing request, CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking().Where(t => t.Id == request.Id)
            .Select(t => new TeamForEditing(t.Id, t.Name, t.Version, db.Users.Count(p => p.TeamId == t.Id && p.IsActive)))
            .SingleOrDefaultAsync(cancellationToken);
}
