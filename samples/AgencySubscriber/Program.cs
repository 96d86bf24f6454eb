using AgencySubscriber;
using Coordination.Agencies.Contracts.Bus;
using MassTransit;

// An agency's system on the coordination hub's bus: reads the agency's own queue (filled while this program is down),
// prints each entry once, in order, acknowledges the agency's alerts and prints the hub's answers.
var settings = SubscriberSettings.FromEnvironment();
var last = new LastPosition(settings.PositionFile);
Console.WriteLine($"{settings.Agency}: reading {settings.Queue} after position {last.Value}");

var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
{
    cfg.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
    {
        h.Username(settings.UserName);
        h.Password(settings.Password);
    });
    // The agency's identity may make only names under its queue's, so the bus's own queue is named there too.
    cfg.OverrideDefaultBusEndpointQueueName($"{settings.Queue}.bus-{Guid.NewGuid():N}");
    cfg.ReceiveEndpoint(settings.Queue, e =>
    {
        // The hub made the queue and binds nothing else to it; one entry at a time keeps the log's order.
        e.ConfigureConsumeTopology = false;
        e.ConcurrentMessageLimit = 1;
        if (settings.QuorumQueues)
        {
            e.SetQuorumQueue();
        }

        e.Consumer(() => new EntryConsumer(settings, last));
    });
    cfg.ReceiveEndpoint(AgencyQueues.Replies(settings.Prefix, settings.Agency), e =>
    {
        e.ConfigureConsumeTopology = false;
        if (settings.QuorumQueues)
        {
            e.SetQuorumQueue();
        }

        e.Handler<AgencyCommandAnswered>(context =>
        {
            var answer = context.Message;
            Console.WriteLine(answer.Refusal is { } refusal
                ? $"{answer.Command} {answer.IncidentId} refused ({refusal.Status}): {refusal.Detail}"
                : $"{answer.Command} {answer.IncidentId} stored at {answer.Response!.Position}{(answer.Response.WasDuplicate ? " (already stored)" : string.Empty)}");
            return Task.CompletedTask;
        });
    });
});

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};

await bus.StartAsync(stopping.Token);
try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
}
finally
{
    await bus.StopAsync(CancellationToken.None);
}
