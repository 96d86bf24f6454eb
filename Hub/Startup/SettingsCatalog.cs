using System.Reflection;
using Coordination.Dispatch.Bus;
using Coordination.Dispatch.Escalation;
using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Realtime;
using Coordination.Hub.Security;
using Coordination.Persistence;

namespace Coordination.Hub.Startup;

/// <summary>
/// Every setting the hub reads, by its configuration key. Deployment files and the README are checked
/// against this list, so a misspelt setting in compose.yaml fails a test instead of being silently ignored.
/// </summary>
public static class SettingsCatalog
{
    private static readonly (string Section, Type Options)[] Sections =
    [
        (StorageOptions.Section, typeof(StorageOptions)),
        (BusOptions.Section, typeof(BusOptions)),
        (RelayOptions.Section, typeof(RelayOptions)),
        (Dispatch.AgencyBus.AgencyBusOptions.Section, typeof(Dispatch.AgencyBus.AgencyBusOptions)),
        (AlertOptions.Section, typeof(AlertOptions)),
        (RoutingOptions.Section, typeof(RoutingOptions)),
        (EscalationOptions.Section, typeof(EscalationOptions)),
        (RealtimeOptions.Section, typeof(RealtimeOptions)),
        (AuthOptions.Section, typeof(AuthOptions)),
        (SecurityOptions.Section, typeof(SecurityOptions)),
        (ExternalIssuerOptions.Section, typeof(ExternalIssuerOptions)),
        (WebConsole.ConsoleOptions.Section, typeof(WebConsole.ConsoleOptions)),
        (Features.Standards.CapOptions.Section, typeof(Features.Standards.CapOptions)),
        (Features.Seals.SealOptions.Section, typeof(Features.Seals.SealOptions)),
        (Features.Exercises.ExerciseOptions.Section, typeof(Features.Exercises.ExerciseOptions)),
        (Features.Printing.PrintOptions.Section, typeof(Features.Printing.PrintOptions)),
        (Telemetry.TelemetryOptions.Section, typeof(Telemetry.TelemetryOptions)),
    ];

    /// <summary>Keys such as "Coordination:Storage:Provider", in a stable order.</summary>
    public static IReadOnlyList<string> Keys { get; } = Build();

    private static string[] Build()
    {
        var keys = new List<string>(Properties(typeof(HubOptions)).Select(p => $"{HubOptions.Section}:{p}"));
        foreach (var (section, options) in Sections)
        {
            keys.AddRange(Properties(options).Select(p => $"{section}:{p}"));
        }

        return keys.ToArray();
    }

    private static IEnumerable<string> Properties(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
}
