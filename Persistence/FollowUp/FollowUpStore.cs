using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.FollowUp;

/// <summary>Reads the joint committee's follow-up, kept from the items' and meetings' streams in the same transactions as the log.</summary>
public sealed class FollowUpStore(ISqlDialect dialect)
{
    /// <summary>Every improvement item, the earliest due first.</summary>
    public async Task<IReadOnlyList<ImprovementItemRow>> ItemsAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<ImprovementItemRow>(new CommandDefinition(SqlScripts.FollowUp.Items, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>One improvement item, or null for an unknown id.</summary>
    public async Task<ImprovementItemRow?> ItemOfAsync(Guid itemId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.QuerySingleOrDefaultAsync<ImprovementItemRow>(new CommandDefinition(
            SqlScripts.FollowUp.ItemOf, new { ItemId = itemId }, cancellationToken: cancellationToken));
    }

    /// <summary>Open items whose next alerting step has fallen due by <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<ImprovementItemRow>> ItemsDueAsync(DateTimeOffset now, TimeSpan stepInterval, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<ImprovementItemRow>(new CommandDefinition(SqlScripts.FollowUp.ItemsDue, new
        {
            Now = now,
            StepMilliseconds = (long)stepInterval.TotalMilliseconds,
        }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every coordination meeting, the latest held first.</summary>
    public async Task<IReadOnlyList<MeetingRow>> MeetingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<MeetingRow>(new CommandDefinition(SqlScripts.FollowUp.Meetings, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>One meeting, or null for an unknown id.</summary>
    public async Task<MeetingRow?> MeetingOfAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(
            SqlScripts.FollowUp.MeetingOf, new { MeetingId = meetingId }, cancellationToken: cancellationToken));
    }
}
