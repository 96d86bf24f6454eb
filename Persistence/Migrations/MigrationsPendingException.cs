namespace Coordination.Persistence.Migrations;

/// <summary>The database lacks migrations and this hub may not apply them: the message names the command that does.</summary>
public sealed class MigrationsPendingException : Exception
{
    public MigrationsPendingException() : base("The database lacks migrations.") { }

    public MigrationsPendingException(string message) : base(message) { }

    public MigrationsPendingException(string message, Exception inner) : base(message, inner) { }
}
