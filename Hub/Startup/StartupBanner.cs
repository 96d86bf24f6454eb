using Coordination.Hub.Auth;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.Sqlite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Coordination.Hub.Startup;

/// <summary>Tells whoever started the hub where to open it and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var dialect = app.Services.GetRequiredService<ISqlDialect>();
        var auth = app.Services.GetRequiredService<AuthOptions>();
        var storage = dialect is SqliteDialect sqlite ? $"SQLite file {sqlite.FilePath}" : dialect.Name;
        Console.WriteLine();
        Console.WriteLine("Coordination hub is running.");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  Console:  {address}/   (open in a browser; Arabic first, English one click away)");
            Console.WriteLine($"  API:      {address}/openapi/v1.json   realtime: {address}/hubs/coordination");
        }

        Console.WriteLine($"  Storage:  {storage}");
        if (auth.SeedSampleUsers)
        {
            Console.WriteLine($"  Sample users, password '{auth.SamplePassword}': duty.operator, commander, admin, liaison.<agency> (e.g. liaison.ncem)");
        }

        if (!app.Services.GetRequiredService<AccountStates>().AnyAdministrator)
        {
            Console.WriteLine("  No administrator yet. Create the first one (the password is read from standard input or");
            Console.WriteLine($"  {AdminCommand.PasswordVariable}):  dotnet Coordination.Hub.dll admin create --user NAME");
        }

        Console.WriteLine();
    }
}
