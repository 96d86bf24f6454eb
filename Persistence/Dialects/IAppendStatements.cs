namespace Coordination.Persistence.Dialects;

/// <summary>
/// The statements one append transaction runs (the log's insert, the read models' writes; a rebuild's too), each
/// prepared once on the transaction's connection and run again with new values, from
/// <see cref="ISqlDialect.PrepareAppendStatements"/>. Through Dapper every statement was a new command, prepared
/// anew: in the benchmarks' trace, preparing and binding were 40% of the log writer's time. Each dialect runs them
/// its own fastest way; values are written as the Dapper handlers write them (<see cref="DapperSetup.Stored"/>).
/// </summary>
public interface IAppendStatements : IAsyncDisposable
{
    /// <summary>Runs <paramref name="sql"/> with the public properties of <paramref name="parameters"/> that it names; returns the rows changed.</summary>
    Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="sql"/> and returns the first column of its first row; null for no row or NULL.</summary>
    Task<object?> ScalarAsync(string sql, object parameters, CancellationToken cancellationToken);
}
