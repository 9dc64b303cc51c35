using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;
using Quartz;

namespace Phso.Modules.Recommendations.Features.Chasing;

/// <summary>The follow-up sweep, run by a Quartz job: lists the recommendations that could be due a reminder or
/// escalation today in one read, then chases them a chunk at a time, each chunk one unit of work in a scope of its own.
/// Finished and withdrawn recommendations are never listed, so nothing is sent about them.</summary>
public sealed partial class RecommendationFollowUp(IServiceScopeFactory scopes, IOptions<RecommendationsOptions> options, TimeProvider clock, ILogger<RecommendationFollowUp> logger) : IDisposable
{
    private const int ChunkSize = 200;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>Runs once; returns how many people were told.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var told = 0;
            foreach (var chunk in (await ListCandidatesAsync(cancellationToken)).Chunk(ChunkSize))
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("recommendation follow-up");
                told += await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ChaseRecommendations(chunk), cancellationToken);
            }

            Ran(logger, told);
            return told;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recommendations follow-up: {Told} people told")]
    private static partial void Ran(ILogger logger, int told);

    /// <summary>Owed by the body and due within the furthest reminder's reach (in calendar days, generously: two weeks
    /// of holidays more), or overdue and not yet escalated.</summary>
    private async Task<List<Guid>> ListCandidatesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>();
        var today = UkTime.Today(clock);
        var furthest = options.Value.ReminderWorkingDays.DefaultIfEmpty(0).Max();
        var horizon = today.AddDays((furthest * 7 / 5) + 14);
        var owed = RecommendationMoves.BodyOwes.ToList();
        return await db.Recommendations.AsNoTracking()
            .Where(r => (owed.Contains(r.Status) && r.DueOn <= horizon) || (r.Status == RecommendationStatus.Overdue && r.EscalatedOn == null))
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
    }
}

[DisallowConcurrentExecution]
internal sealed class RecommendationFollowUpJob(RecommendationFollowUp followUp) : IJob
{
    public static readonly JobKey Key = new("recommendation-follow-up");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await followUp.RunAsync(cancellationToken);
}
