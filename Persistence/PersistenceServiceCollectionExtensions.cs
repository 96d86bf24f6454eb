using Coordination.Persistence.Checkpoints;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Migrations;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Persistence.SqlServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Coordination.Persistence;

/// <summary>Composes Persistence: the only place that names every folder of it.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the log, read models and migrations for the configured dialect; migrates at start. A relative
    /// SQLite file is under <paramref name="dataFolder"/>, the hub's folder for its files.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, StorageOptions options, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        DapperSetup.EnsureConfigured();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(CreateDialect(options, dataFolder));
        services.AddSingleton<AppendSignal>();
        // The read models are what else each append writes in its transaction: the log's one seam to them.
        services.AddSingleton<IInlineProjection, ReadModelProjector>();
        services.AddMetrics(); // the meters' factory, when the host has not added it
        services.AddSingleton<LogTelemetry>();
        services.AddSingleton<IEventLog, EventLogStore>();
        services.AddSingleton<ReadModels>();
        services.AddSingleton<Visibility.AgencyView>();
        services.AddSingleton<ProjectionRebuilder>();
        services.AddSingleton<CheckpointStore>();
        services.AddSingleton<Leases.LeaseStore>();
        services.AddSingleton<Accounts.AccountStore>();
        services.AddSingleton<Accounts.SignInFailureStore>();
        services.AddSingleton<Accounts.DirectoryStore>();
        services.AddSingleton<Register.RegisterStore>();
        services.AddSingleton<FollowUp.FollowUpStore>();
        services.AddSingleton<Capabilities.CapabilityStore>();
        services.AddSingleton<Plans.PlanStore>();
        services.AddSingleton<Exercises.ExerciseStore>();
        services.AddSingleton<Evaluation.EvaluationStore>();
        services.AddSingleton<MigrationRunner>();
        // Registered first so the schema exists (or is known to be current) before any other hosted service starts.
        services.AddHostedService(sp => new DatabaseMigrator(sp.GetRequiredService<MigrationRunner>(), options.Migrate));
        return services;
    }

    /// <summary>The dialect for the options (a relative SQLite file under <paramref name="dataFolder"/>); an unknown provider or a missing connection string fails here.</summary>
    public static ISqlDialect CreateDialect(StorageOptions options, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            "Sqlite" => new SqliteDialect(Path.Combine(dataFolder, string.IsNullOrWhiteSpace(options.ConnectionString) ? "coordination.db" : options.ConnectionString)),
            "SqlServer" when !string.IsNullOrWhiteSpace(options.ConnectionString) => new SqlServerDialect(options.ConnectionString),
            "SqlServer" => throw new InvalidOperationException("Coordination:Storage:ConnectionString is required when Coordination:Storage:Provider is SqlServer."),
            _ => throw new InvalidOperationException($"Coordination:Storage:Provider '{options.Provider}' is not known: use Sqlite or SqlServer."),
        };
    }

    private sealed class DatabaseMigrator(MigrationRunner runner, bool migrate) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (migrate)
            {
                await runner.MigrateAsync(cancellationToken);
                return;
            }

            if (await runner.PendingAsync(cancellationToken) is { Count: > 0 } pending)
            {
                throw new MigrationsPendingException(
                    $"The database lacks migrations {string.Join(", ", pending)}, and this hub does not migrate (Coordination:Storage:Migrate is false): " +
                    "run 'dotnet Coordination.Hub.dll migrate' with the database owner's connection string first.");
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
