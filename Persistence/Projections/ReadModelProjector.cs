using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Persistence.EventLog;

namespace Coordination.Persistence.Projections;

/// <summary>
/// Folds each appended entry into the board and the alert inbox, inside the append's transaction, so the
/// read models are never behind the log. The same code rebuilds them from scratch. (The timeline is read
/// from the log itself: <see cref="Timeline"/>.)
/// </summary>
public static class ReadModelProjector
{
    public static async Task ApplyAsync(PreparedStatements statements, StoredRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(row);
        if (row.IncidentId == SystemStreams.Directory)
        {
            await ApplyDirectoryAsync(statements, row, cancellationToken);
            return;
        }

        if (SystemStreams.IsSystem(row.IncidentId))
        {
            return; // The audit stream lives in the log only; it has no board row.
        }

        switch (row.Type)
        {
            case EventTypes.IncidentReported:
                await OnReported(Parse<IncidentReported>(row));
                break;
            case EventTypes.AgencyAlerted:
                await OnAlerted(Parse<AgencyAlerted>(row));
                break;
            case EventTypes.AlertAcknowledged:
                await OnAcknowledged(Parse<AlertAcknowledged>(row));
                break;
            case EventTypes.IncidentUpdated:
                await OnUpdated(Parse<IncidentUpdated>(row));
                break;
            case EventTypes.IncidentStatusChanged:
                await Touch(status: Parse<IncidentStatusChanged>(row).To);
                break;
            case EventTypes.AlertEscalated:
                await OnEscalated(Parse<AlertEscalated>(row));
                break;
            case EventTypes.AlertReminderSent:
                await OnReminded(Parse<AlertReminderSent>(row));
                break;
        }

        async Task OnReported(IncidentReported e)
        {
            await Execute("BoardInsert", new
            {
                row.IncidentId,
                Reference = IncidentReference.For(e.ReportedAt, row.Position),
                Hazard = e.Hazard.ToString(),
                Category = e.Category.ToString(),
                Severity = e.Severity.ToString(),
                Urgency = e.Urgency.ToString(),
                Certainty = e.Certainty.ToString(),
                e.Title,
                e.Description,
                e.Location.District,
                e.Location.Municipality,
                e.Location.Latitude,
                e.Location.Longitude,
                Status = nameof(IncidentStatus.Reported),
                Classification = e.Classification.ToString(),
                ClearedAgencies = e.ClearedAgencies.ToArray(),
                e.IsExercise,
                e.ReportedBy,
                e.ReportedAt,
                e.OccurredAt,
                UpdatedAt = row.RecordedAt,
                row.Version,
                LastPosition = row.Position,
            });
        }

        async Task OnAlerted(AgencyAlerted e)
        {
            await Execute("AlertInsert", new
            {
                e.IncidentId,
                e.Agency,
                AlertEventId = row.EventId,
                Hazard = e.Hazard.ToString(),
                Severity = e.Severity.ToString(),
                e.District,
                e.Title,
                e.RuleId,
                e.AlertedAt,
                e.AcknowledgeBy,
                e.IsExercise,
                row.Position,
            });
            await Touch(alertsRaised: 1);
        }

        async Task OnAcknowledged(AlertAcknowledged e)
        {
            var changed = await Execute("AlertAcknowledge", new { e.IncidentId, e.Agency, e.AcknowledgedAt, e.AcknowledgedBy, row.Position });
            // The first acknowledgement moves a fresh incident on; later ones leave the status alone.
            var status = await statements.ScalarAsync(SqlScripts.Get("Projections/Sql/BoardStatus.sql"), new { row.IncidentId }, cancellationToken)
                ?? throw new InvalidOperationException($"Entry {row.Position} acknowledges an alert of incident {row.IncidentId}, which has no board row.");
            var board = Enum.Parse<IncidentStatus>((string)status);
            await Touch(
                alertsAcknowledged: changed,
                status: board == IncidentStatus.Reported ? IncidentStatus.Acknowledged : null);
        }

        async Task OnUpdated(IncidentUpdated e)
        {
            await Execute("AlertActivity", new { e.IncidentId, e.Agency, At = e.PostedAt, row.Position });
            await Touch(severity: e.Severity);
        }

        async Task OnEscalated(AlertEscalated e)
        {
            await Execute("AlertEscalate", new { e.IncidentId, e.Agency, e.Level });
            await Touch();
        }

        async Task OnReminded(AlertReminderSent e)
        {
            await Execute("AlertRemind", new { e.IncidentId, e.Agency, e.Reminder });
            await Touch();
        }

        Task<int> Touch(int alertsRaised = 0, int alertsAcknowledged = 0, Severity? severity = null, IncidentStatus? status = null) =>
            Execute("BoardTouch", new
            {
                row.IncidentId,
                row.Version,
                LastPosition = row.Position,
                UpdatedAt = row.RecordedAt,
                Severity = severity?.ToString(),
                Status = status?.ToString(),
                AlertsRaised = alertsRaised,
                AlertsAcknowledged = alertsAcknowledged,
            });

        Task<int> Execute(string script, object parameters) =>
            statements.ExecuteAsync(SqlScripts.Get($"Projections/Sql/{script}.sql"), parameters, cancellationToken);
    }

    private static async Task ApplyDirectoryAsync(PreparedStatements statements, StoredRow row, CancellationToken cancellationToken)
    {
        switch (row.Type)
        {
            case EventTypes.AgencyRegistered:
                var agency = Parse<AgencyRegistered>(row);
                await Upsert("UpdateAgency", "InsertAgency", new { agency.Code, agency.NameAr, agency.NameEn, agency.Kind });
                break;
            case EventTypes.UserRegistered:
                var user = Parse<UserRegistered>(row);
                await Upsert("UpdateUser", "InsertUser", new { UserName = user.UserName.ToLowerInvariant(), user.DisplayName, user.Role, user.Agency });
                break;
            case EventTypes.UserDisabled:
                await Execute("DisableUser", new { UserName = Parse<UserDisabled>(row).UserName.ToLowerInvariant() });
                break;
        }

        async Task Upsert(string update, string insert, object parameters)
        {
            if (await Execute(update, parameters) == 0)
            {
                await Execute(insert, parameters);
            }
        }

        Task<int> Execute(string script, object parameters) =>
            statements.ExecuteAsync(SqlScripts.Get($"Accounts/Sql/{script}.sql"), parameters, cancellationToken);
    }

    private static T Parse<T>(StoredRow row) =>
        JsonSerializer.Deserialize<T>(row.Data, ContractJson.Options)
        ?? throw new JsonException($"Entry {row.Position} ({row.Type}) has no data.");
}
