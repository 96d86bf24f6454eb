using System.Data.Common;
using System.Text.RegularExpressions;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Coordination.Persistence.SqlServer;

/// <summary>Production: SQL Server 2022 (or Azure SQL).</summary>
public sealed partial class SqlServerDialect(string connectionString) : ISqlDialect
{
    // Read once for every SQL Server database the process opens.
    private static readonly SqlServerScripts OwnScripts = new();

    public string Name => "SqlServer";

    public DialectScripts Scripts => OwnScripts;

    public DbConnection CreateConnection() => new SqlConnection(connectionString);

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>No queue in the process: SQL Server wakes a waiter for its lock as soon as the lock is released.</summary>
    public ValueTask<WriteTurn> WriteTurnAsync(CancellationToken cancellationToken) => ValueTask.FromResult(default(WriteTurn));

    public async Task<DbTransaction> BeginAppendAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        // One writer at a time, held until commit: positions stay gap-free and the chain linear.
        var result = await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(OwnScripts.LockLog, transaction: transaction, cancellationToken: cancellationToken));
        if (result < 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new TimeoutException("Could not take the event log's append lock.");
        }

        return transaction;
    }

    /// <summary>ADO.NET commands, each made once per transaction (<see cref="SqlServerAppendStatements"/>).</summary>
    public IAppendStatements PrepareAppendStatements(DbConnection connection, DbTransaction transaction) =>
        new SqlServerAppendStatements(connection, transaction);

    /// <summary>The ADO.NET walk, which any dialect can use; SQL Server has no reader of its own here.</summary>
    public Task<VerificationResult> VerifyChainAsync(CancellationToken cancellationToken) =>
        ChainVerifier.VerifyAsync(this, cancellationToken);

    public IReadOnlyList<string> SplitBatches(string script) =>
        BatchSeparator().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)).ToArray();

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqlException { Number: 2627 or 2601 };

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();
}
