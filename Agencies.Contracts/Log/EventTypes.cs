namespace Coordination.Agencies.Contracts.Log;

/// <summary>The type names stored in the log. Stable: renaming one breaks every stored entry.</summary>
public static class EventTypes
{
    /// <summary><see cref="Incidents.IncidentReported"/>.</summary>
    public const string IncidentReported = nameof(Incidents.IncidentReported);
    /// <summary><see cref="Alerts.AgencyAlerted"/>.</summary>
    public const string AgencyAlerted = nameof(Alerts.AgencyAlerted);
    /// <summary><see cref="Alerts.AlertAcknowledged"/>.</summary>
    public const string AlertAcknowledged = nameof(Alerts.AlertAcknowledged);
    /// <summary><see cref="Incidents.IncidentUpdated"/>.</summary>
    public const string IncidentUpdated = nameof(Incidents.IncidentUpdated);
    /// <summary><see cref="Incidents.IncidentStatusChanged"/>.</summary>
    public const string IncidentStatusChanged = nameof(Incidents.IncidentStatusChanged);
    /// <summary><see cref="Incidents.ClearanceChanged"/>.</summary>
    public const string ClearanceChanged = nameof(Incidents.ClearanceChanged);

    /// <summary><see cref="Alerts.AlertEscalated"/>.</summary>
    public const string AlertEscalated = nameof(Alerts.AlertEscalated);
    /// <summary><see cref="Alerts.AlertReminderSent"/>.</summary>
    public const string AlertReminderSent = nameof(Alerts.AlertReminderSent);
    /// <summary><see cref="Alerts.AgencyUnreachable"/>.</summary>
    public const string AgencyUnreachable = nameof(Alerts.AgencyUnreachable);

    /// <summary><see cref="Audit.RestrictedIncidentsAccessed"/>.</summary>
    public const string RestrictedIncidentsAccessed = nameof(Audit.RestrictedIncidentsAccessed);

    /// <summary><see cref="Directory.AgencyRegistered"/>.</summary>
    public const string AgencyRegistered = nameof(Directory.AgencyRegistered);
    /// <summary><see cref="Directory.UserRegistered"/>.</summary>
    public const string UserRegistered = nameof(Directory.UserRegistered);
    /// <summary><see cref="Directory.UserPasswordSet"/>.</summary>
    public const string UserPasswordSet = nameof(Directory.UserPasswordSet);
    /// <summary><see cref="Directory.UserUnlocked"/>.</summary>
    public const string UserUnlocked = nameof(Directory.UserUnlocked);
    /// <summary><see cref="Directory.UserDisabled"/>.</summary>
    public const string UserDisabled = nameof(Directory.UserDisabled);
    /// <summary><see cref="Routing.RoutingRulesChanged"/>.</summary>
    public const string RoutingRulesChanged = nameof(Routing.RoutingRulesChanged);
    /// <summary><see cref="Register.RiskRecorded"/>.</summary>
    public const string RiskRecorded = nameof(Register.RiskRecorded);
    /// <summary><see cref="Register.RiskChanged"/>.</summary>
    public const string RiskChanged = nameof(Register.RiskChanged);
    /// <summary><see cref="Plans.PlanRecorded"/>.</summary>
    public const string PlanRecorded = nameof(Plans.PlanRecorded);
    /// <summary><see cref="Plans.PlanChanged"/>.</summary>
    public const string PlanChanged = nameof(Plans.PlanChanged);
    /// <summary><see cref="Plans.PlanActivated"/>.</summary>
    public const string PlanActivated = nameof(Plans.PlanActivated);
    /// <summary><see cref="Plans.PlanStoodDown"/>.</summary>
    public const string PlanStoodDown = nameof(Plans.PlanStoodDown);
    /// <summary><see cref="Plans.TaskAssigned"/>.</summary>
    public const string TaskAssigned = nameof(Plans.TaskAssigned);
    /// <summary><see cref="Plans.TaskAcknowledged"/>.</summary>
    public const string TaskAcknowledged = nameof(Plans.TaskAcknowledged);
    /// <summary><see cref="Plans.TaskProgressed"/>.</summary>
    public const string TaskProgressed = nameof(Plans.TaskProgressed);
    /// <summary><see cref="Plans.TaskCompleted"/>.</summary>
    public const string TaskCompleted = nameof(Plans.TaskCompleted);
    /// <summary><see cref="Plans.TaskEscalated"/>.</summary>
    public const string TaskEscalated = nameof(Plans.TaskEscalated);
    /// <summary><see cref="Seals.LogSealed"/>.</summary>
    public const string LogSealed = nameof(Seals.LogSealed);
    /// <summary><see cref="Seals.SealKeyPublished"/>.</summary>
    public const string SealKeyPublished = nameof(Seals.SealKeyPublished);

    /// <summary>Every known type, with the record it deserializes to.</summary>
    public static IReadOnlyDictionary<string, Type> All { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [IncidentReported] = typeof(Incidents.IncidentReported),
        [AgencyAlerted] = typeof(Alerts.AgencyAlerted),
        [AlertAcknowledged] = typeof(Alerts.AlertAcknowledged),
        [IncidentUpdated] = typeof(Incidents.IncidentUpdated),
        [IncidentStatusChanged] = typeof(Incidents.IncidentStatusChanged),
        [ClearanceChanged] = typeof(Incidents.ClearanceChanged),
        [AlertEscalated] = typeof(Alerts.AlertEscalated),
        [AlertReminderSent] = typeof(Alerts.AlertReminderSent),
        [AgencyUnreachable] = typeof(Alerts.AgencyUnreachable),
        [RestrictedIncidentsAccessed] = typeof(Audit.RestrictedIncidentsAccessed),
        [AgencyRegistered] = typeof(Directory.AgencyRegistered),
        [UserRegistered] = typeof(Directory.UserRegistered),
        [UserPasswordSet] = typeof(Directory.UserPasswordSet),
        [UserUnlocked] = typeof(Directory.UserUnlocked),
        [UserDisabled] = typeof(Directory.UserDisabled),
        [RoutingRulesChanged] = typeof(Routing.RoutingRulesChanged),
        [RiskRecorded] = typeof(Register.RiskRecorded),
        [RiskChanged] = typeof(Register.RiskChanged),
        [PlanRecorded] = typeof(Plans.PlanRecorded),
        [PlanChanged] = typeof(Plans.PlanChanged),
        [PlanActivated] = typeof(Plans.PlanActivated),
        [PlanStoodDown] = typeof(Plans.PlanStoodDown),
        [TaskAssigned] = typeof(Plans.TaskAssigned),
        [TaskAcknowledged] = typeof(Plans.TaskAcknowledged),
        [TaskProgressed] = typeof(Plans.TaskProgressed),
        [TaskCompleted] = typeof(Plans.TaskCompleted),
        [TaskEscalated] = typeof(Plans.TaskEscalated),
        [LogSealed] = typeof(Seals.LogSealed),
        [SealKeyPublished] = typeof(Seals.SealKeyPublished),
    };
}
