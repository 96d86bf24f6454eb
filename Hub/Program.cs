using Coordination.Hub.Startup;

var builder = WebApplication.CreateBuilder(args);
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
