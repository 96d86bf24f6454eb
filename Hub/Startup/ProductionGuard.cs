using Coordination.Hub.Auth;

namespace Coordination.Hub.Startup;

/// <summary>
/// Refuses to start a Production hub that anyone could sign in to with the README's sample accounts: the sample
/// users and their password are published, so on a ministry's server they would be an open door.
/// </summary>
public static class ProductionGuard
{
    public static void Check(IHostEnvironment environment, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(auth);
        if (environment.IsProduction() && auth.SeedSampleUsers)
        {
            throw new StartRefusedException(
                "In the Production environment the hub does not create the sample users, whose names and password are published: " +
                "set Coordination:Auth:SeedSampleUsers to false (environment variable Coordination__Auth__SeedSampleUsers=false) " +
                "and create the first administrator with 'dotnet Coordination.Hub.dll admin create --user NAME'. " +
                "A training or demonstration hub runs in another environment (ASPNETCORE_ENVIRONMENT=Staging).");
        }
    }
}

/// <summary>The hub will not start as configured; the message names the setting to change. Printed without a stack trace.</summary>
public sealed class StartRefusedException : Exception
{
    public StartRefusedException() : base("The hub will not start as configured.") { }

    public StartRefusedException(string message) : base(message) { }

    public StartRefusedException(string message, Exception inner) : base(message, inner) { }
}
