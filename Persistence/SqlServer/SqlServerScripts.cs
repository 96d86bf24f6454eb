using Coordination.Persistence.Scripts;

namespace Coordination.Persistence.SqlServer;

/// <summary>SQL Server's own scripts: every dialect's, and the append lock SQLite takes with BEGIN IMMEDIATE instead.</summary>
public sealed class SqlServerScripts : DialectScripts
{
    public SqlServerScripts()
        : base("SqlServer")
    {
        LockLog = Own(nameof(LockLog));
    }

    public string LockLog { get; }
}
