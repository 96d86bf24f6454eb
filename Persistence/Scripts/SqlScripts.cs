namespace Coordination.Persistence.Scripts;

/// <summary>
/// Every SQL script both dialects run alike (portable SQL, parsed as T-SQL too), by name, in the style of one
/// property per file: &lt;Folder&gt;/Sql/&lt;Name&gt;.sql is <c>SqlScripts.Folder.Name</c>. What differs between
/// databases is reached through the dialect instead (<see cref="Dialects.ISqlDialect.Scripts"/>, a
/// <see cref="DialectScripts"/>), so each dialect must have its own copy. Each folder's scripts are read once,
/// at first use of any of them; a test holds the properties to the embedded files, both ways.
/// </summary>
public static class SqlScripts
{
    /// <summary>EventLog/Sql: appending and reading the log.</summary>
    public static class EventLog
    {
        public static string CurrentVersion { get; } = Load(nameof(EventLog), nameof(CurrentVersion));

        public static string FindEvent { get; } = Load(nameof(EventLog), nameof(FindEvent));

        public static string FindEvents { get; } = Load(nameof(EventLog), nameof(FindEvents));

        public static string HeadPosition { get; } = Load(nameof(EventLog), nameof(HeadPosition));

        public static string Insert { get; } = Load(nameof(EventLog), nameof(Insert));

        public static string LastOfStream { get; } = Load(nameof(EventLog), nameof(LastOfStream));

        public static string ReadIncident { get; } = Load(nameof(EventLog), nameof(ReadIncident));

        public static string ReadRange { get; } = Load(nameof(EventLog), nameof(ReadRange));

        public static string ReadStreamAfter { get; } = Load(nameof(EventLog), nameof(ReadStreamAfter));

        public static string StartedIncidents { get; } = Load(nameof(EventLog), nameof(StartedIncidents));
    }

    /// <summary>Projections/Sql: the board and the alert inbox, folded and queried.</summary>
    public static class Projections
    {
        public static string AlertAcknowledge { get; } = Load(nameof(Projections), nameof(AlertAcknowledge));

        public static string AlertActivity { get; } = Load(nameof(Projections), nameof(AlertActivity));

        public static string AlertEscalate { get; } = Load(nameof(Projections), nameof(AlertEscalate));

        public static string AlertFirstUpdate { get; } = Load(nameof(Projections), nameof(AlertFirstUpdate));

        public static string AlertInsert { get; } = Load(nameof(Projections), nameof(AlertInsert));

        public static string AlertRegrant { get; } = Load(nameof(Projections), nameof(AlertRegrant));

        public static string AlertRemind { get; } = Load(nameof(Projections), nameof(AlertRemind));

        public static string AlertRevoke { get; } = Load(nameof(Projections), nameof(AlertRevoke));

        public static string AlertsForIncident { get; } = Load(nameof(Projections), nameof(AlertsForIncident));

        public static string AlertsSince { get; } = Load(nameof(Projections), nameof(AlertsSince));

        public static string AlertsToFollowUp { get; } = Load(nameof(Projections), nameof(AlertsToFollowUp));

        public static string AlertsWaiting { get; } = Load(nameof(Projections), nameof(AlertsWaiting));

        public static string BoardGet { get; } = Load(nameof(Projections), nameof(BoardGet));

        public static string BoardClearance { get; } = Load(nameof(Projections), nameof(BoardClearance));

        public static string BoardInsert { get; } = Load(nameof(Projections), nameof(BoardInsert));

        public static string BoardList { get; } = Load(nameof(Projections), nameof(BoardList));

        public static string BoardRestricted { get; } = Load(nameof(Projections), nameof(BoardRestricted));

        public static string BoardStatus { get; } = Load(nameof(Projections), nameof(BoardStatus));

        public static string BoardTouch { get; } = Load(nameof(Projections), nameof(BoardTouch));

        public static string ClearReadModels { get; } = Load(nameof(Projections), nameof(ClearReadModels));

        public static string InboxList { get; } = Load(nameof(Projections), nameof(InboxList));

        public static string RestrictedAmong { get; } = Load(nameof(Projections), nameof(RestrictedAmong));

        public static string StreamAudience { get; } = Load(nameof(Projections), nameof(StreamAudience));
    }

    /// <summary>Accounts/Sql: the directory of agencies and users, credentials and sign-in state.</summary>
    public static class Accounts
    {
        public static string ClearDirectory { get; } = Load(nameof(Accounts), nameof(ClearDirectory));

        public static string ClearSignInFailures { get; } = Load(nameof(Accounts), nameof(ClearSignInFailures));

        public static string CountSignInFailure { get; } = Load(nameof(Accounts), nameof(CountSignInFailure));

        public static string DisableUser { get; } = Load(nameof(Accounts), nameof(DisableUser));

        public static string FindRefreshToken { get; } = Load(nameof(Accounts), nameof(FindRefreshToken));

        public static string ForgetSignInFailures { get; } = Load(nameof(Accounts), nameof(ForgetSignInFailures));

        public static string GetSignInFailures { get; } = Load(nameof(Accounts), nameof(GetSignInFailures));

        public static string GetUser { get; } = Load(nameof(Accounts), nameof(GetUser));

        public static string InsertAgency { get; } = Load(nameof(Accounts), nameof(InsertAgency));

        public static string InsertCredential { get; } = Load(nameof(Accounts), nameof(InsertCredential));

        public static string InsertRefreshToken { get; } = Load(nameof(Accounts), nameof(InsertRefreshToken));

        public static string InsertSignInFailure { get; } = Load(nameof(Accounts), nameof(InsertSignInFailure));

        public static string InsertUser { get; } = Load(nameof(Accounts), nameof(InsertUser));

        public static string ListAgencies { get; } = Load(nameof(Accounts), nameof(ListAgencies));

        public static string ListUsers { get; } = Load(nameof(Accounts), nameof(ListUsers));

        public static string PruneSignInFailures { get; } = Load(nameof(Accounts), nameof(PruneSignInFailures));

        public static string RevokeRefreshTokens { get; } = Load(nameof(Accounts), nameof(RevokeRefreshTokens));

        public static string UpdateAgency { get; } = Load(nameof(Accounts), nameof(UpdateAgency));

        public static string UpdateCredential { get; } = Load(nameof(Accounts), nameof(UpdateCredential));

        public static string UpdateUser { get; } = Load(nameof(Accounts), nameof(UpdateUser));

        public static string UseRefreshToken { get; } = Load(nameof(Accounts), nameof(UseRefreshToken));
    }

    /// <summary>Backups/Sql: what a copy of the database holds besides its log.</summary>
    public static class Backups
    {
        public static string Checkpoints { get; } = Load(nameof(Backups), nameof(Checkpoints));

        public static string SchemaVersion { get; } = Load(nameof(Backups), nameof(SchemaVersion));
    }

    /// <summary>Checkpoints/Sql: how far each reader of the log has got.</summary>
    public static class Checkpoints
    {
        public static string LoadCheckpoint { get; } = Load(nameof(Checkpoints), nameof(LoadCheckpoint));
    }

    /// <summary>Leases/Sql: singleton jobs' leases.</summary>
    public static class Leases
    {
        public static string ClaimLease { get; } = Load(nameof(Leases), nameof(ClaimLease));

        public static string LeaseHolder { get; } = Load(nameof(Leases), nameof(LeaseHolder));

        public static string ReleaseLease { get; } = Load(nameof(Leases), nameof(ReleaseLease));

        public static string RenewLease { get; } = Load(nameof(Leases), nameof(RenewLease));
    }

    /// <summary>Register/Sql: every version of every risk of the national register.</summary>
    public static class Register
    {
        public static string RiskHistory { get; } = Load(nameof(Register), nameof(RiskHistory));

        public static string RiskLatestPosition { get; } = Load(nameof(Register), nameof(RiskLatestPosition));

        public static string RiskVersionInsert { get; } = Load(nameof(Register), nameof(RiskVersionInsert));

        public static string RiskVersionsAsOf { get; } = Load(nameof(Register), nameof(RiskVersionsAsOf));

        public static string ReviewAudienceInsert { get; } = Load(nameof(Register), nameof(ReviewAudienceInsert));

        public static string ReviewInsert { get; } = Load(nameof(Register), nameof(ReviewInsert));

        public static string ReviewOf { get; } = Load(nameof(Register), nameof(ReviewOf));

        public static string ReviewStep { get; } = Load(nameof(Register), nameof(ReviewStep));

        public static string ReviewUpdate { get; } = Load(nameof(Register), nameof(ReviewUpdate));

        public static string ReviewsDue { get; } = Load(nameof(Register), nameof(ReviewsDue));
    }

    /// <summary>FollowUp/Sql: the joint committee's improvement items and coordination meetings.</summary>
    public static class FollowUp
    {
        public static string ItemComplete { get; } = Load(nameof(FollowUp), nameof(ItemComplete));

        public static string ItemInsert { get; } = Load(nameof(FollowUp), nameof(ItemInsert));

        public static string ItemOf { get; } = Load(nameof(FollowUp), nameof(ItemOf));

        public static string ItemReschedule { get; } = Load(nameof(FollowUp), nameof(ItemReschedule));

        public static string ItemStep { get; } = Load(nameof(FollowUp), nameof(ItemStep));

        public static string Items { get; } = Load(nameof(FollowUp), nameof(Items));

        public static string ItemsDue { get; } = Load(nameof(FollowUp), nameof(ItemsDue));

        public static string MeetingInsert { get; } = Load(nameof(FollowUp), nameof(MeetingInsert));

        public static string MeetingOf { get; } = Load(nameof(FollowUp), nameof(MeetingOf));

        public static string Meetings { get; } = Load(nameof(FollowUp), nameof(Meetings));
    }

    /// <summary>Plans/Sql: the contingency plans' versions, their activations on incidents and their tasks.</summary>
    public static class Plans
    {
        public static string ActivationInsert { get; } = Load(nameof(Plans), nameof(ActivationInsert));

        public static string ActivationStandDown { get; } = Load(nameof(Plans), nameof(ActivationStandDown));

        public static string ActivationsForIncident { get; } = Load(nameof(Plans), nameof(ActivationsForIncident));

        public static string OverdueTasks { get; } = Load(nameof(Plans), nameof(OverdueTasks));

        public static string PlanHistory { get; } = Load(nameof(Plans), nameof(PlanHistory));

        public static string PlanVersionInsert { get; } = Load(nameof(Plans), nameof(PlanVersionInsert));

        public static string PlanVersionsLatest { get; } = Load(nameof(Plans), nameof(PlanVersionsLatest));

        public static string TaskAcknowledge { get; } = Load(nameof(Plans), nameof(TaskAcknowledge));

        public static string TaskComplete { get; } = Load(nameof(Plans), nameof(TaskComplete));

        public static string TaskEscalate { get; } = Load(nameof(Plans), nameof(TaskEscalate));

        public static string TaskEntryAgencyInsert { get; } = Load(nameof(Plans), nameof(TaskEntryAgencyInsert));

        public static string TaskInsert { get; } = Load(nameof(Plans), nameof(TaskInsert));

        public static string TaskProgress { get; } = Load(nameof(Plans), nameof(TaskProgress));

        public static string TaskStandDown { get; } = Load(nameof(Plans), nameof(TaskStandDown));

        public static string TasksForIncident { get; } = Load(nameof(Plans), nameof(TasksForIncident));

        public static string TasksToEscalate { get; } = Load(nameof(Plans), nameof(TasksToEscalate));
    }

    /// <summary>Capabilities/Sql: every declaration of what each agency holds.</summary>
    public static class Capabilities
    {
        public static string DeclarationHistory { get; } = Load(nameof(Capabilities), nameof(DeclarationHistory));

        public static string DeclarationInsert { get; } = Load(nameof(Capabilities), nameof(DeclarationInsert));

        public static string DeclarationsLatest { get; } = Load(nameof(Capabilities), nameof(DeclarationsLatest));
    }

    /// <summary>Exercises/Sql: the scenarios' versions and where each exercise stands.</summary>
    public static class Exercises
    {
        public static string ExerciseInjectFired { get; } = Load(nameof(Exercises), nameof(ExerciseInjectFired));

        public static string ExerciseInsert { get; } = Load(nameof(Exercises), nameof(ExerciseInsert));

        public static string ExerciseStatus { get; } = Load(nameof(Exercises), nameof(ExerciseStatus));

        public static string ExercisesList { get; } = Load(nameof(Exercises), nameof(ExercisesList));

        public static string ExercisesUnderway { get; } = Load(nameof(Exercises), nameof(ExercisesUnderway));

        public static string ProposalDecisionInsert { get; } = Load(nameof(Exercises), nameof(ProposalDecisionInsert));

        public static string ProposalDecisionsFor { get; } = Load(nameof(Exercises), nameof(ProposalDecisionsFor));

        public static string ScenarioHistory { get; } = Load(nameof(Exercises), nameof(ScenarioHistory));

        public static string ScenarioVersionInsert { get; } = Load(nameof(Exercises), nameof(ScenarioVersionInsert));

        public static string ScenarioVersionsLatest { get; } = Load(nameof(Exercises), nameof(ScenarioVersionsLatest));
    }

    /// <summary>Evaluation/Sql: a period's or an exercise's alerts and tasks, for the evaluation figures.</summary>
    public static class Evaluation
    {
        public static string AlertFiguresInPeriod { get; } = Load(nameof(Evaluation), nameof(AlertFiguresInPeriod));

        public static string AlertsInExercise { get; } = Load(nameof(Evaluation), nameof(AlertsInExercise));

        public static string AlertsInPeriod { get; } = Load(nameof(Evaluation), nameof(AlertsInPeriod));

        public static string IncidentsReported { get; } = Load(nameof(Evaluation), nameof(IncidentsReported));

        public static string TasksInExercise { get; } = Load(nameof(Evaluation), nameof(TasksInExercise));

        public static string TasksInPeriod { get; } = Load(nameof(Evaluation), nameof(TasksInPeriod));
    }

    /// <summary>Visibility/Sql: what an agency's liaisons see.</summary>
    public static class Visibility
    {
        public static string AgencyViewLatestIn { get; } = Load(nameof(Visibility), nameof(AgencyViewLatestIn));

        public static string AgencyViewPrevious { get; } = Load(nameof(Visibility), nameof(AgencyViewPrevious));
    }

    private static string Load(string folder, string name) => EmbeddedScripts.Text($"{folder}/Sql/{name}.sql");
}
