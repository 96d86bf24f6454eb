using System.Globalization;
using Coordination.Testing;

namespace Coordination.Tests.Support;

/// <summary>Base for fixtures that need a private RabbitMQ broker for all their tests.</summary>
public abstract class RabbitMqFixture
{
    protected RabbitMqBroker Broker { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartBroker()
    {
        if (!RabbitMqBroker.IsInstalled)
        {
            Assert.Fail("rabbitmq-server is not installed: run the README's test command (bash tools/test.sh), which installs it.");
        }

        Broker = await RabbitMqBroker.StartAsync(Management);
    }

    [OneTimeTearDown]
    public async Task StopBroker()
    {
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
    }

    /// <summary>Whether the broker runs its management API (on a port of its own), for fixtures that need it.</summary>
    protected virtual bool Management => false;

    /// <summary>Hub settings for this broker, with queue names of their own.</summary>
    protected Dictionary<string, string?> BusSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Coordination:Bus:Transport"] = "RabbitMq",
            ["Coordination:Bus:Host"] = "127.0.0.1",
            ["Coordination:Bus:Port"] = Broker.AmqpPort.ToString(CultureInfo.InvariantCulture),
            ["Coordination:Bus:QueuePrefix"] = "t" + Guid.NewGuid().ToString("N")[..8],
            ["Coordination:Realtime:HeartbeatInterval"] = "00:00:01",
        };
        if (Broker.ManagementPort is { } management)
        {
            settings["Coordination:AgencyBus:ManagementUrl"] = $"http://127.0.0.1:{management}/";
        }

        return settings;
    }
}
