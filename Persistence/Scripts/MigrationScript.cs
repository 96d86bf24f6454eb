namespace Coordination.Persistence.Scripts;

/// <summary>One migration of a dialect, from Migrations/&lt;dialect&gt;/&lt;version&gt;_&lt;name&gt;.sql.</summary>
/// <param name="Version">The number before the first underscore; migrations run in its order.</param>
/// <param name="Name">The file name without its extension, as schema_versions records it.</param>
/// <param name="Text">The script.</param>
public sealed record MigrationScript(int Version, string Name, string Text);
