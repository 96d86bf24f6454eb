using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Capabilities;

/// <summary>One declaration of what an agency holds: the whole list (JSON) and who declared it, when and why.</summary>
public sealed class DeclarationRow
{
    public string Agency { get; set; } = "";

    public int Version { get; set; }

    public long Position { get; set; }

    /// <summary>Unix time in milliseconds, UTC.</summary>
    public long RecordedAt { get; set; }

    public string DeclaredBy { get; set; } = "";

    public string? Reason { get; set; }

    public bool IsSample { get; set; }

    /// <summary>The holdings (<c>CapabilityHolding[]</c>) as JSON.</summary>
    public string Holdings { get; set; } = "";
}

/// <summary>Reads the agencies' declared capabilities, kept from their streams of the log in the same transactions as the log.</summary>
public sealed class CapabilityStore(ISqlDialect dialect)
{
    /// <summary>Each agency's latest declaration, by agency.</summary>
    public async Task<IReadOnlyList<DeclarationRow>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<DeclarationRow>(new CommandDefinition(SqlScripts.Capabilities.DeclarationsLatest, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every declaration of one agency, oldest first; empty when it has declared nothing.</summary>
    public async Task<IReadOnlyList<DeclarationRow>> HistoryAsync(string agency, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<DeclarationRow>(new CommandDefinition(
            SqlScripts.Capabilities.DeclarationHistory, new { Agency = agency }, cancellationToken: cancellationToken))).AsList();
    }
}
