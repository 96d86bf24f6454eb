using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Admin;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Accounts;
using Coordination.Persistence.Migrations;
using FluentValidation;

namespace Coordination.Hub.Startup;

/// <summary>
/// <c>dotnet Coordination.Hub.dll admin create --user NAME [--name "Display name"] [--agency CODE]</c>: the one-time
/// way in on a new database with no sample users. It migrates the database, enters the agencies as a first start
/// would, and registers the first administrator as an entry on the directory stream (actor "bootstrap"), like any
/// other change. The password is read from the environment variable <see cref="PasswordVariable"/> or, without it,
/// from the first line of standard input, never from the command line (which other users of the server can see).
/// Once an enabled administrator exists it refuses: further users are the administrators' job, in the console or API.
/// </summary>
public static class AdminCommand
{
    public const string PasswordVariable = "COORDINATION_ADMIN_PASSWORD";

    private const string Usage = "usage: dotnet Coordination.Hub.dll admin create --user NAME [--name \"Display name\"] [--agency CODE]";

    /// <summary>True when <paramref name="args"/> ask for this command rather than for the hub to run.</summary>
    public static bool IsAsked(string[] args) => args is ["admin", ..];

    /// <summary>Runs the command; returns the process exit code (0 created, 1 refused, 2 misused).</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (args is not ["admin", "create", .. var options] || Option(options, "--user") is not { } userName)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var services = app.Services;
        var cancellation = app.Lifetime.ApplicationStopping;
        var migrations = services.GetRequiredService<MigrationRunner>();
        // Only when something is missing: under the production shape's application login the schema is not ours to touch.
        if ((await migrations.PendingAsync(cancellation)).Count > 0)
        {
            await migrations.MigrateAsync(cancellation);
        }

        await services.GetRequiredService<DirectorySeed>().SeedAsync(services.GetRequiredService<AuthOptions>(), cancellation);
        await services.GetRequiredService<DirectoryEntries>().RefreshAgenciesAsync(cancellation);
        var users = await services.GetRequiredService<DirectoryStore>().UsersAsync(cancellation);
        if (users.FirstOrDefault(u => u is { Role: nameof(Role.Administrator), Disabled: false }) is { } existing)
        {
            await output.WriteLineAsync($"Refused: '{existing.UserName}' is already an administrator. Further users are registered in the console or with POST /api/admin/users.");
            return 1;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : await input.ReadLineAsync(cancellation);
        var request = new RegisterUser.RegisterUserRequest(userName, Option(options, "--name") ?? userName, Role.Administrator, Option(options, "--agency") ?? "moi-duty", password ?? "");
        var bootstrap = new Caller("bootstrap", Role.Administrator, request.Agency!);
        try
        {
            var changed = await services.GetRequiredService<UseCasePipeline>().RunAsync(services.GetRequiredService<RegisterUser>(), bootstrap, request, cancellation);
            await output.WriteLineAsync($"Administrator '{userName}' created (directory stream, log position {changed.Position}). Sign in to the console with this name and password.");
            return 0;
        }
        catch (ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                await output.WriteLineAsync($"Refused: {error.PropertyName}: {error.ErrorMessage}");
            }

            return 1;
        }
        catch (RefusalException ex)
        {
            await output.WriteLineAsync($"Refused: {ex.Detail.English}");
            return 1;
        }
    }

    private static string? Option(string[] options, string name)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length ? options[at + 1] : null;
    }
}
