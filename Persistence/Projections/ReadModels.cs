using Coordination.Agencies.Contracts.Reference;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Projections;

/// <summary>Filters for the incident board; null means any.</summary>
public sealed record BoardFilter(IncidentStatus? Status = null, HazardType? Hazard = null, string? District = null, string? RoutedToAgency = null, int Limit = 200);

/// <summary>Queries over the read models (board, inbox); an incident's timeline is read from the log (<see cref="IncidentTimeline"/>).</summary>
public sealed class ReadModels(ISqlDialect dialect)
{
    public async Task<IReadOnlyList<IncidentBoardRow>> ListIncidentsAsync(BoardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        // Unbuffered: reading stops after Limit rows, so no dialect-specific paging is needed here.
        var rows = connection.Query<IncidentBoardRow>(
            SqlScripts.Projections.BoardList,
            new
            {
                Status = filter.Status?.ToString(),
                Hazard = filter.Hazard?.ToString(),
                filter.District,
                Agency = filter.RoutedToAgency,
            },
            buffered: false);
        return rows.Take(filter.Limit).ToArray();
    }

    /// <summary>Every restricted incident, newest report first: what the clearances screen lists.</summary>
    public async Task<IReadOnlyList<IncidentBoardRow>> ListRestrictedAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<IncidentBoardRow>(Command(SqlScripts.Projections.BoardRestricted, new { }, cancellationToken))).AsList();
    }

    /// <summary>The restricted incidents among <paramref name="incidentIds"/>.</summary>
    public async Task<IReadOnlyList<Guid>> RestrictedAmongAsync(IEnumerable<Guid> incidentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incidentIds);
        await using var connection = dialect.CreateConnection();
        return await connection.QueryListedAsync<Guid>(SqlScripts.Projections.RestrictedAmong, "IncidentIds", incidentIds, cancellationToken: cancellationToken);
    }

    public async Task<IncidentBoardRow?> GetIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.QuerySingleOrDefaultAsync<IncidentBoardRow>(Command(SqlScripts.Projections.BoardGet, new { IncidentId = incidentId }, cancellationToken));
    }

    /// <summary>The agency's alerts, those awaiting acknowledgement first, each part newest first, at most <paramref name="limit"/> of them.</summary>
    public async Task<IReadOnlyList<AlertRow>> GetInboxAsync(string agency, int limit, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        // Unbuffered: reading stops after the limit, so an agency's long history is never read whole.
        return connection.Query<AlertRow>(SqlScripts.Projections.InboxList, new { Agency = agency }, buffered: false).Take(limit).ToArray();
    }

    public async Task<IReadOnlyList<AlertRow>> GetAlertsAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<AlertRow>(Command(SqlScripts.Projections.AlertsForIncident, new { IncidentId = incidentId }, cancellationToken))).AsList();
    }

    /// <summary>
    /// Who sees a stream and from which position: the agencies alerted to an incident (until the position a revoke of
    /// their clearance took effect at, if any), or the lead agencies alerted to a risk's overdue review.
    /// </summary>
    public async Task<IReadOnlyList<(string Agency, long Position, long? RevokedPosition)>> GetAudienceAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<(string Agency, long Position, long? RevokedPosition)>(Command(SqlScripts.Projections.StreamAudience, new { StreamId = streamId }, cancellationToken))).AsList();
    }

    /// <summary>Alerts of open incidents whose next escalation or reminder has fallen due by <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<AlertRow>> GetAlertsToFollowUpAsync(DateTimeOffset now, TimeSpan stepInterval, TimeSpan reminderAfter, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<AlertRow>(Command(SqlScripts.Projections.AlertsToFollowUp, new
        {
            Now = now,
            StepMilliseconds = (long)stepInterval.TotalMilliseconds,
            ReminderMilliseconds = (long)reminderAfter.TotalMilliseconds,
        }, cancellationToken))).AsList();
    }

    /// <summary>Per agency, how many alerts of open incidents await acknowledgement (agencies with none are left out).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAlertsWaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var rows = await connection.QueryAsync<WaitingRow>(Command(SqlScripts.Projections.AlertsWaiting, new { }, cancellationToken));
        return rows.ToDictionary(r => r.Agency, r => (int)r.Waiting, StringComparer.Ordinal);
    }

    private sealed class WaitingRow
    {
        public string Agency { get; set; } = "";
        public long Waiting { get; set; }
    }

    /// <summary>Alerts raised since <paramref name="since"/>, real ones or exercise ones, for the response figures.</summary>
    public async Task<IReadOnlyList<AlertRow>> GetAlertsSinceAsync(DateTimeOffset since, bool isExercise, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<AlertRow>(Command(SqlScripts.Projections.AlertsSince, new { Since = since, IsExercise = isExercise }, cancellationToken))).AsList();
    }

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);
}
