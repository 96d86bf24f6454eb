using Coordination.Hub.Startup;

// The console's files are copied beside the assembly, so the hub serves them however it is started.
var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Directory.Exists(webRoot) ? webRoot : null,
});
builder.AddCoordinationHub();

var app = builder.Build();
app.MapCoordinationHub();
if (!app.Environment.IsEnvironment("Testing"))
{
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
}

await app.RunAsync();

/// <summary>The hub's entry point; public so tests can host it.</summary>
public partial class Program;
