using Coordination.Hub.Startup;

// The console's files are copied beside the assembly, so the hub serves them however it is started.
var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Directory.Exists(webRoot) ? webRoot : null,
});
try
{
    builder.AddCoordinationHub();
}
catch (StartRefusedException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 1;
}

var app = builder.Build();
// Commands at the server (the first administrator, the schema), not the hub: each runs and exits.
if (AdminCommand.IsAsked(args))
{
    return await AdminCommand.RunAsync(app, args, Console.In, Console.Out);
}

if (MigrateCommand.IsAsked(args))
{
    return await MigrateCommand.RunAsync(app, args, Console.Out);
}

if (DatabaseCommands.IsAsked(args))
{
    // backup, restore, verify: before the check below, which would open (and so create) a database restore must not find.
    return await DatabaseCommands.RunAsync(app, args, Console.Out);
}

if (await MigrateCommand.PendingMigrationsAsync(app) is { } behind)
{
    await Console.Error.WriteLineAsync(behind);
    return 1;
}

app.MapCoordinationHub();
if (!app.Environment.IsEnvironment("Testing"))
{
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
}

await app.RunAsync();
return 0;

/// <summary>The hub's entry point; public so tests can host it.</summary>
public partial class Program;
