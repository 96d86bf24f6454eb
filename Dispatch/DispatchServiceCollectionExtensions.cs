using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.AgencyBus;
using Coordination.Dispatch.Bus;
using Coordination.Dispatch.Consumers;
using Coordination.Dispatch.Escalation;
using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Reports;
using Coordination.Dispatch.Routing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Dispatch;

public static partial class DispatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers routing, the relay and the bus (in-memory or RabbitMQ). <paramref name="addConsumers"/>
    /// lets the host add its own consumers (the realtime fan-out) to the same bus.
    /// </summary>
    public static IServiceCollection AddDispatch(
        this IServiceCollection services,
        IConfiguration configuration,
        string dataDirectory,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var bus = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        if (bus.Transport is not ("InMemory" or "RabbitMq"))
        {
            throw new InvalidOperationException($"Coordination:Bus:Transport '{bus.Transport}' is not known: use InMemory or RabbitMq.");
        }

        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateOnStart()
            .Validate(o => o.AcknowledgeExtremeWithin > TimeSpan.Zero && o.AcknowledgeSevereWithin > TimeSpan.Zero && o.AcknowledgeModerateWithin > TimeSpan.Zero
                && o.AcknowledgeMinorWithin > TimeSpan.Zero && o.AcknowledgeUnknownWithin > TimeSpan.Zero, "Coordination:Alerts deadlines must be positive.");
        services.AddOptions<RelayOptions>().Bind(configuration.GetSection(RelayOptions.Section)).ValidateOnStart()
            .Validate(o => o.BatchSize is > 0 and <= 10_000, "Coordination:Relay:BatchSize must be between 1 and 10000.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), "Coordination:Relay:LeaseDuration must be at least one second.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Coordination:Relay:PollInterval must be positive.")
            .Validate(o => o.CheckpointInterval > TimeSpan.Zero, "Coordination:Relay:CheckpointInterval must be positive.");
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.Section)).ValidateOnStart()
            .Validate(o => o.ScanInterval > TimeSpan.Zero && o.StepInterval > TimeSpan.Zero && o.ReminderAfter > TimeSpan.Zero,
                "Coordination:Escalation intervals must be positive.");
        services.AddSingleton<DispatchTelemetry>();
        services.AddHostedService<EscalationScanner>();
        services.AddSingleton(bus);

        services.AddSingleton(AgencyDirectory.LoadSample());
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.Section))
            .PostConfigure(o => o.RulesPath = Path.Combine(dataDirectory, string.IsNullOrWhiteSpace(o.RulesPath) ? "routing-rules.json" : o.RulesPath));
        services.AddSingleton<RoutingRulesProvider>();
        services.AddSingleton<AlertPlanner>();
        services.AddSingleton<Plans.PlanLibrary>();
        services.AddSingleton<Plans.PlanActivations>();
        services.AddSingleton<ResentEvents>();
        services.AddSingleton<ReportWithAlerts>();

        var agencyBus = AgencyBusSettings(configuration, bus);
        services.AddMassTransit(x =>
        {
            // MassTransit 8.5 reports the bus's shape to its vendor over the internet by default; the hub talks only to
            // its own database, broker and clients.
            x.DisableUsageTelemetry();
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(bus.QueuePrefix, false));
            x.AddConsumer<RoutingConsumer, RoutingConsumerDefinition>();
            addConsumers?.Invoke(x);
            if (agencyBus.Agencies.Length > 0)
            {
                // Its endpoints are the agencies' commands queues, declared below, not one of its own.
                x.AddConsumer<AgencyCommandConsumer>().ExcludeFromConfigureEndpoints();
            }

            if (bus.Transport == "RabbitMq")
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(bus.Host, bus.Port, bus.VirtualHost, h =>
                    {
                        h.Username(bus.Username);
                        h.Password(bus.Password);
                    });
                    foreach (var agency in agencyBus.Agencies.Distinct(StringComparer.Ordinal))
                    {
                        cfg.ReceiveEndpoint(Coordination.Agencies.Contracts.Bus.AgencyQueues.Commands(bus.QueuePrefix, agency), e =>
                        {
                            // One at a time, in the order the agency sent them; only this queue's own exchange feeds it.
                            e.ConfigureConsumeTopology = false;
                            e.ConcurrentMessageLimit = 1;
                            if (bus.QuorumQueues)
                            {
                                e.SetQuorumQueue();
                            }

                            e.UseMessageRetry(r => r.Intervals(100, 500, 1000, 5000));
                            e.ConfigureConsumer<AgencyCommandConsumer>(context);
                        });
                    }

                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });

        if (bus.Transport == "InMemory")
        {
            services.AddSingleton<RoutingProgress>();
            services.AddHostedService(sp => sp.GetRequiredService<RoutingProgress>());
        }
        else
        {
            services.AddHostedService<RetiredQueues>();
        }

        // Registered after the bus so the bus starts first; the relay also waits for it to be healthy.
        services.AddSingleton<LogRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<LogRelay>());
        AddAgencyBus(services, configuration, bus, agencyBus);
        return services;
    }

    /// <summary>
    /// Agencies' own queues, when agencies are named for them: only on RabbitMQ, where a queue outlives its reader and
    /// another process can read it. Named on the in-memory bus, the hub refuses to start rather than fill nothing.
    /// </summary>
    private static AgencyBusOptions AgencyBusSettings(IConfiguration configuration, BusOptions bus)
    {
        var agencyBus = configuration.GetSection(AgencyBusOptions.Section).Get<AgencyBusOptions>() ?? new AgencyBusOptions();
        if (agencyBus.Agencies.Length == 0)
        {
            return agencyBus;
        }

        if (bus.Transport != "RabbitMq")
        {
            throw new InvalidOperationException("Coordination:AgencyBus:Agencies needs Coordination:Bus:Transport=RabbitMq: agencies' queues are RabbitMQ queues.");
        }

        if (agencyBus.Agencies.FirstOrDefault(a => !AgencyCode().IsMatch(a ?? string.Empty)) is { } wrong)
        {
            throw new InvalidOperationException($"Coordination:AgencyBus:Agencies: '{wrong}' is not an agency code (lower-case letters, digits and hyphens).");
        }

        return agencyBus;
    }

    private static void AddAgencyBus(IServiceCollection services, IConfiguration configuration, BusOptions bus, AgencyBusOptions agencyBus)
    {
        services.AddOptions<AgencyBusOptions>().Bind(configuration.GetSection(AgencyBusOptions.Section));
        if (agencyBus.Agencies.Length == 0)
        {
            return;
        }

        var management = string.IsNullOrWhiteSpace(agencyBus.ManagementUrl) ? $"http://{bus.Host}:15672/" : agencyBus.ManagementUrl;
        if (!Uri.TryCreate(management.EndsWith('/') ? management : management + "/", UriKind.Absolute, out var managementUri) || managementUri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Coordination:AgencyBus:ManagementUrl '{agencyBus.ManagementUrl}' is not an absolute http(s) address.");
        }

        services.AddHttpClient<BrokerIdentities>(http =>
        {
            http.BaseAddress = managementUri;
            http.Timeout = TimeSpan.FromSeconds(15);
        });
        services.AddSingleton<AgencyFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<AgencyFeed>());
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial System.Text.RegularExpressions.Regex AgencyCode();
}
