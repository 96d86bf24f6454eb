using System.Data.Common;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;

namespace Coordination.Persistence.Dialects;

/// <summary>What differs between the databases the log runs on. Everything else is shared.</summary>
public interface ISqlDialect
{
    /// <summary>"Sqlite" or "SqlServer"; also the folder of the dialect's scripts.</summary>
    string Name { get; }

    /// <summary>The scripts this dialect writes its own way, and its migrations; the shared ones are <see cref="SqlScripts"/>.</summary>
    DialectScripts Scripts { get; }

    /// <summary>A new, closed connection to the configured database.</summary>
    DbConnection CreateConnection();

    /// <summary>Prepares the database before migrations (creating the file's folder, WAL).</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits for this process's turn to write, before a write transaction or a lone write statement; dispose the
    /// turn after the commit. Where the database's own wait for its write lock is slow to notice a release
    /// (SQLite polls), the hub's writers queue here instead and each starts the moment the previous one ends.
    /// </summary>
    ValueTask<WriteTurn> WriteTurnAsync(CancellationToken cancellationToken);

    /// <summary>Opens a transaction that holds the log's single-writer lock until it ends.</summary>
    Task<DbTransaction> BeginAppendAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// The statements of the append transaction <paramref name="transaction"/> on <paramref name="connection"/>
    /// (open), each prepared at its first run and run again with new values until disposed.
    /// </summary>
    IAppendStatements PrepareAppendStatements(DbConnection connection, DbTransaction transaction);

    /// <summary>Splits a migration script into the batches the database executes one by one.</summary>
    IReadOnlyList<string> SplitBatches(string script);

    /// <summary>True when the exception is a unique-key violation.</summary>
    bool IsUniqueViolation(Exception exception);

    /// <summary>
    /// Walks the whole hash chain in position order (<see cref="ChainWalk"/>'s checks): through ADO.NET
    /// (<see cref="ChainVerifier"/>), or the dialect's own faster way of reading the rows.
    /// </summary>
    Task<VerificationResult> VerifyChainAsync(CancellationToken cancellationToken);
}
