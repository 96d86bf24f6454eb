namespace Coordination.Hub.Refusals;

/// <summary>
/// The hub's loggers as configured, except that SignalR does not log a refused hub call as a failure. SignalR logs
/// every exception a hub method ends with as an error with its stack trace ("Failed to invoke hub method"), and a
/// refusal reaches the client only as such an exception; <see cref="RefusalHubFilter"/> marks it and logs it itself,
/// as one information line. Every other exception, a fault, is logged by SignalR as before.
/// </summary>
public sealed class QuietRefusalsLoggerFactory(ILoggerFactory inner, bool ownsInner) : ILoggerFactory
{
    private const string SignalR = "Microsoft.AspNetCore.SignalR";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith(SignalR, StringComparison.Ordinal) ? new WithoutRefusals(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }

    private sealed class WithoutRefusals(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is null || !RefusalHubFilter.IsRefusal(exception))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}

public static class QuietRefusalsRegistration
{
    /// <summary>Wraps the logger factory already registered (the host's) in a <see cref="QuietRefusalsLoggerFactory"/>.</summary>
    public static IServiceCollection AddQuietRefusalsLogging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("Logging must be registered before the hub.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(sp => registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => new QuietRefusalsLoggerFactory(instance, ownsInner: false),
            { ImplementationFactory: { } factory } => new QuietRefusalsLoggerFactory((ILoggerFactory)factory(sp), ownsInner: true),
            _ => new QuietRefusalsLoggerFactory((ILoggerFactory)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), ownsInner: true),
        });
        return services;
    }
}
