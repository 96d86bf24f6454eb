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
if (AdminCommand.IsAsked(args))
{
    // A command at the server (the first administrator), not the hub: it runs and exits.
    return await AdminCommand.RunAsync(app, args, Console.In, Console.Out);
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
