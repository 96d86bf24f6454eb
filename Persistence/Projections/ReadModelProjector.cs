using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Capabilities;
using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Register;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;

namespace Coordination.Persistence.Projections;

/// <summary>
/// Folds each appended entry into the board, the alert inbox and the directory, inside the append's transaction
/// (the log's <see cref="IInlineProjection"/>), so the read models are never behind the log. The same code rebuilds
/// them from scratch. (The timeline is read from the log itself: <see cref="IncidentTimeline"/>.)
/// </summary>
public sealed class ReadModelProjector : IInlineProjection
{
    /// <summary>Folds a stored <paramref name="row"/> into the read models (a rebuild), reading its data first.</summary>
    public Task ApplyAsync(IAppendStatements statements, StoredRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        object? data;
        try
        {
            data = Read(row.IncidentId, row.Type, row.Data);
        }
        catch (JsonException ex)
        {
            throw new JsonException($"Entry {row.Position} ({row.Type}) cannot be read: {ex.Message}", ex);
        }

        return ApplyAsync(statements, row, data, cancellationToken);
    }

    /// <summary>
    /// An entry's data as the read models fold it in (null for an entry they do not use); a
    /// <see cref="JsonException"/> when it cannot be read. The log reads each event before its append queues,
    /// on the caller's thread: reading the JSON in the writer, which every append waits for, was about a tenth
    /// of the writer's time with 100 appends in flight.
    /// </summary>
    public object? Read(Guid incidentId, string type, string data)
    {
        if (incidentId == SystemStreams.Directory)
        {
            return type switch
            {
                EventTypes.AgencyRegistered => Parse<AgencyRegistered>(type, data),
                EventTypes.UserRegistered => Parse<UserRegistered>(type, data),
                EventTypes.UserDisabled => Parse<UserDisabled>(type, data),
                _ => null,
            };
        }

        // The audit stream lives in the log only; it has no board row.
        return SystemStreams.IsSystem(incidentId) ? null : type switch
        {
            EventTypes.IncidentReported => Parse<IncidentReported>(type, data),
            EventTypes.AgencyAlerted => Parse<AgencyAlerted>(type, data),
            EventTypes.AlertAcknowledged => Parse<AlertAcknowledged>(type, data),
            EventTypes.IncidentUpdated => Parse<IncidentUpdated>(type, data),
            EventTypes.IncidentStatusChanged => Parse<IncidentStatusChanged>(type, data),
            EventTypes.ClearanceChanged => Parse<ClearanceChanged>(type, data),
            EventTypes.AlertEscalated => Parse<AlertEscalated>(type, data),
            EventTypes.AlertReminderSent => Parse<AlertReminderSent>(type, data),
            EventTypes.AgencyUnreachable => Parse<AgencyUnreachable>(type, data),
            EventTypes.RiskRecorded => Parse<RiskRecorded>(type, data),
            EventTypes.RiskChanged => Parse<RiskChanged>(type, data),
            EventTypes.RiskReviewed => Parse<RiskReviewed>(type, data),
            EventTypes.RiskReviewOverdue => Parse<RiskReviewOverdue>(type, data),
            EventTypes.RiskReviewReminderSent => Parse<RiskReviewReminderSent>(type, data),
            EventTypes.RiskReviewEscalated => Parse<RiskReviewEscalated>(type, data),
            EventTypes.CapabilitiesDeclared => Parse<CapabilitiesDeclared>(type, data),
            EventTypes.PlanRecorded => Parse<PlanRecorded>(type, data),
            EventTypes.PlanChanged => Parse<PlanChanged>(type, data),
            EventTypes.PlanActivated => Parse<PlanActivated>(type, data),
            EventTypes.PlanStoodDown => Parse<PlanStoodDown>(type, data),
            EventTypes.TaskAssigned => Parse<TaskAssigned>(type, data),
            EventTypes.TaskAcknowledged => Parse<TaskAcknowledged>(type, data),
            EventTypes.TaskProgressed => Parse<TaskProgressed>(type, data),
            EventTypes.TaskCompleted => Parse<TaskCompleted>(type, data),
            EventTypes.TaskEscalated => Parse<TaskEscalated>(type, data),
            EventTypes.ScenarioRecorded => Parse<ScenarioRecorded>(type, data),
            EventTypes.ScenarioChanged => Parse<ScenarioChanged>(type, data),
            EventTypes.ExerciseStarted => Parse<ExerciseStarted>(type, data),
            EventTypes.ExercisePaused => Parse<ExercisePaused>(type, data),
            EventTypes.ExerciseResumed => Parse<ExerciseResumed>(type, data),
            EventTypes.ExerciseAborted => Parse<ExerciseAborted>(type, data),
            EventTypes.ExerciseCompleted => Parse<ExerciseCompleted>(type, data),
            EventTypes.InjectFired => Parse<InjectFired>(type, data),
            EventTypes.ExerciseProposalDecided => Parse<ExerciseProposalDecided>(type, data),
            EventTypes.ImprovementItemRecorded => Parse<ImprovementItemRecorded>(type, data),
            EventTypes.ImprovementItemCompleted => Parse<ImprovementItemCompleted>(type, data),
            EventTypes.ImprovementItemRescheduled => Parse<ImprovementItemRescheduled>(type, data),
            EventTypes.ImprovementItemOverdue => Parse<ImprovementItemOverdue>(type, data),
            EventTypes.ImprovementItemReminderSent => Parse<ImprovementItemReminderSent>(type, data),
            EventTypes.ImprovementItemEscalated => Parse<ImprovementItemEscalated>(type, data),
            EventTypes.MeetingRecorded => Parse<MeetingRecorded>(type, data),
            _ => null,
        };
    }

    /// <summary>Folds <paramref name="row"/> into the read models, its data already read by <see cref="Read"/>.</summary>
    public async Task ApplyAsync(IAppendStatements statements, StoredRow row, object? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(row);
        if (row.IncidentId == SystemStreams.Directory)
        {
            await ApplyDirectoryAsync(statements, data, cancellationToken);
            return;
        }

        switch (data)
        {
            case IncidentReported e:
                await OnReported(e);
                break;
            case AgencyAlerted e:
                await OnAlerted(e);
                break;
            case AlertAcknowledged e:
                await OnAcknowledged(e);
                break;
            case IncidentUpdated e:
                await OnUpdated(e);
                break;
            case IncidentStatusChanged e:
                await Touch(status: e.To);
                break;
            case ClearanceChanged e:
                await OnClearanceChanged(e);
                break;
            case AlertEscalated e:
                await OnEscalated(e);
                break;
            case AlertReminderSent e:
                await OnReminded(e);
                break;
            case AgencyUnreachable:
                // Nothing of its own to fold; the board's version moves with every entry of the incident.
                await Touch();
                break;
            case RiskRecorded e:
                await OnRiskVersion(e.Risk, e.By, e.Reason, null);
                break;
            case RiskChanged e:
                await OnRiskVersion(e.Risk, e.By, e.Reason, e.Source);
                break;
            case RiskReviewed e:
                await OnRiskVersion(e.Risk, e.By, e.Note, null);
                break;
            case ExerciseProposalDecided e:
                await Execute(SqlScripts.Exercises.ProposalDecisionInsert, new
                {
                    row.Position,
                    e.TargetId,
                    e.ExerciseId,
                    e.FindingId,
                    e.Accepted,
                    e.Reason,
                    DecidedBy = e.By,
                    DecidedAt = e.At.ToUnixTimeMilliseconds(),
                });
                break;
            case CapabilitiesDeclared e:
                await Execute(SqlScripts.Capabilities.DeclarationInsert, new
                {
                    e.Agency,
                    row.Version,
                    row.Position,
                    row.RecordedAt,
                    DeclaredBy = e.By,
                    e.Reason,
                    e.IsSample,
                    Holdings = JsonSerializer.Serialize(e.Holdings, ContractJson.Options),
                });
                break;
            case PlanRecorded e:
                await OnPlanVersion(e.Plan, e.By, e.Reason);
                break;
            case PlanChanged e:
                await OnPlanVersion(e.Plan, e.By, e.Reason);
                break;
            case RiskReviewOverdue or RiskReviewReminderSent or RiskReviewEscalated:
                await RiskReviewProjection.ApplyStepAsync(statements, row, data, cancellationToken);
                break;
            case ScenarioRecorded e:
                await OnScenarioVersion(e.Scenario, e.By, e.Reason);
                break;
            case ScenarioChanged e:
                await OnScenarioVersion(e.Scenario, e.By, e.Reason);
                break;
            case ExerciseStarted e:
                await Execute(SqlScripts.Exercises.ExerciseInsert, new
                {
                    e.ExerciseId,
                    e.ScenarioId,
                    e.ScenarioCode,
                    e.ScenarioVersion,
                    e.TitleAr,
                    e.TitleEn,
                    e.Speed,
                    e.StartedBy,
                    e.StartedAt,
                    row.Position,
                });
                break;
            case ExercisePaused e:
                await OnExerciseStatus(e.ExerciseId, "Paused", null);
                break;
            case ExerciseResumed e:
                await OnExerciseStatus(e.ExerciseId, "Running", null);
                break;
            case ExerciseAborted e:
                await OnExerciseStatus(e.ExerciseId, "Aborted", e.At);
                break;
            case ExerciseCompleted e:
                await OnExerciseStatus(e.ExerciseId, "Completed", e.At);
                break;
            case InjectFired e:
                await Execute(SqlScripts.Exercises.ExerciseInjectFired, new { e.ExerciseId, row.Position });
                break;
            default:
                // The follow-up's items and meetings, with read models of their own.
                if (await FollowUpProjection.ApplyAsync(statements, row, data, cancellationToken))
                {
                    break;
                }

                // Activations and tasks: a read model of their own, and the board's version moves with every entry.
                if (await PlanProjection.ApplyAsync(statements, row, data, cancellationToken))
                {
                    await Touch();
                }

                break;
        }

        // A plan's stream is its history, as a risk's is.
        async Task OnPlanVersion(ContingencyPlan plan, string by, string? reason) =>
            await Execute(SqlScripts.Plans.PlanVersionInsert, new
            {
                PlanId = row.IncidentId,
                row.Version,
                row.Position,
                row.RecordedAt,
                plan.Code,
                ChangedBy = by,
                Reason = reason,
                Data = JsonSerializer.Serialize(plan, ContractJson.Options),
            });

        async Task OnExerciseStatus(Guid exerciseId, string status, DateTimeOffset? endedAt) =>
            await Execute(SqlScripts.Exercises.ExerciseStatus, new { ExerciseId = exerciseId, Status = status, EndedAt = endedAt, row.Position });

        // A scenario's stream is its history, as a plan's is.
        async Task OnScenarioVersion(Scenario scenario, string by, string? reason) =>
            await Execute(SqlScripts.Exercises.ScenarioVersionInsert, new
            {
                ScenarioId = row.IncidentId,
                row.Version,
                row.Position,
                row.RecordedAt,
                scenario.Code,
                ChangedBy = by,
                Reason = reason,
                Data = JsonSerializer.Serialize(scenario, ContractJson.Options),
            });

        // A risk's stream is its history: each entry, the whole risk at that version, is kept for the register's queries.
        async Task OnRiskVersion(Risk risk, string by, string? reason, ChangeSource? source)
        {
            await Execute(SqlScripts.Register.RiskVersionInsert, new
            {
                RiskId = row.IncidentId,
                row.Version,
                row.Position,
                row.RecordedAt,
                ChangedBy = by,
                Reason = reason,
                Data = JsonSerializer.Serialize(risk, ContractJson.Options),
                SourceExerciseId = source?.ExerciseId,
                SourceFindingId = source?.FindingId,
            });
            await RiskReviewProjection.ApplyVersionAsync(statements, row.IncidentId, risk, cancellationToken);
        }

        async Task OnReported(IncidentReported e)
        {
            await Execute(SqlScripts.Projections.BoardInsert, new
            {
                row.IncidentId,
                Reference = IncidentReference.For(e.ReportedAt, row.IncidentId),
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
                ExerciseId = e.Exercise?.ExerciseId,
                ExerciseParticipants = e.Exercise?.Participants.ToArray() ?? [],
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
            var alert = new
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
            };

            // An agency cleared again after a revoke has its row already: the new alert takes its place. Only a
            // restricted incident's alerts can be such, so the others are not asked.
            if (e.RuleId != AgencyAlerted.ClearanceRule || await Execute(SqlScripts.Projections.AlertRegrant, alert) == 0)
            {
                await Execute(SqlScripts.Projections.AlertInsert, alert);
            }

            await Touch(alertsRaised: 1);
        }

        async Task OnClearanceChanged(ClearanceChanged e)
        {
            await Execute(SqlScripts.Projections.BoardClearance, new { e.IncidentId, ClearedAgencies = e.ClearedAgencies.ToArray() });
            foreach (var agency in e.Revoked)
            {
                await Execute(SqlScripts.Projections.AlertRevoke, new { e.IncidentId, Agency = agency, row.Position });
            }

            await Touch();
        }

        async Task OnAcknowledged(AlertAcknowledged e)
        {
            var changed = await Execute(SqlScripts.Projections.AlertAcknowledge, new { e.IncidentId, e.Agency, e.AcknowledgedAt, e.AcknowledgedBy, row.Position });
            // The first acknowledgement moves a fresh incident on; later ones leave the status alone.
            var status = await statements.ScalarAsync(SqlScripts.Projections.BoardStatus, new { row.IncidentId }, cancellationToken)
                ?? throw new InvalidOperationException($"Entry {row.Position} acknowledges an alert of incident {row.IncidentId}, which has no board row.");
            var board = Enum.Parse<IncidentStatus>((string)status);
            await Touch(
                alertsAcknowledged: changed,
                status: board == IncidentStatus.Reported ? IncidentStatus.Acknowledged : null);
        }

        async Task OnUpdated(IncidentUpdated e)
        {
            await Execute(SqlScripts.Projections.AlertActivity, new { e.IncidentId, e.Agency, At = e.PostedAt, row.Position });
            // The log's time, as the migration that filled it for older entries has it.
            await Execute(SqlScripts.Projections.AlertFirstUpdate, new { e.IncidentId, e.Agency, At = row.RecordedAt, row.Position });
            await Touch(severity: e.Severity);
        }

        async Task OnEscalated(AlertEscalated e)
        {
            await Execute(SqlScripts.Projections.AlertEscalate, new { e.IncidentId, e.Agency, e.Level });
            await Touch();
        }

        async Task OnReminded(AlertReminderSent e)
        {
            await Execute(SqlScripts.Projections.AlertRemind, new { e.IncidentId, e.Agency, e.Reminder });
            await Touch();
        }

        Task<int> Touch(int alertsRaised = 0, int alertsAcknowledged = 0, Severity? severity = null, IncidentStatus? status = null) =>
            Execute(SqlScripts.Projections.BoardTouch, new
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

        Task<int> Execute(string sql, object parameters) => statements.ExecuteAsync(sql, parameters, cancellationToken);
    }

    private static async Task ApplyDirectoryAsync(IAppendStatements statements, object? data, CancellationToken cancellationToken)
    {
        switch (data)
        {
            case AgencyRegistered agency:
                await Upsert(SqlScripts.Accounts.UpdateAgency, SqlScripts.Accounts.InsertAgency, new { agency.Code, agency.NameAr, agency.NameEn, agency.Kind });
                break;
            case UserRegistered user:
                await Upsert(SqlScripts.Accounts.UpdateUser, SqlScripts.Accounts.InsertUser, new { UserName = user.UserName.ToLowerInvariant(), user.DisplayName, user.Role, user.Agency });
                break;
            case UserDisabled disabled:
                await Execute(SqlScripts.Accounts.DisableUser, new { UserName = disabled.UserName.ToLowerInvariant() });
                break;
        }

        async Task Upsert(string update, string insert, object parameters)
        {
            if (await Execute(update, parameters) == 0)
            {
                await Execute(insert, parameters);
            }
        }

        Task<int> Execute(string sql, object parameters) => statements.ExecuteAsync(sql, parameters, cancellationToken);
    }

    private static T Parse<T>(string type, string data) =>
        JsonSerializer.Deserialize<T>(data, ContractJson.Options)
        ?? throw new JsonException($"A {type} entry has no data.");
}
