using Coordination.Agencies.Contracts.Bus;
using Coordination.Dispatch.Bus;
using MassTransit;

namespace Coordination.Dispatch.AgencyBus;

/// <summary>What the host does with a command an agency's system sent over the bus (the same use cases as REST and the hub).</summary>
public interface IAgencyCommands
{
    /// <summary>Runs the acknowledgement as <paramref name="agency"/>'s system.</summary>
    Task<AgencyCommandAnswered> AcknowledgeAsync(string agency, AcknowledgeAlertOverBus command, CancellationToken cancellationToken);

    /// <summary>Runs the update as <paramref name="agency"/>'s system.</summary>
    Task<AgencyCommandAnswered> PostUpdateAsync(string agency, PostUpdateOverBus command, CancellationToken cancellationToken);
}

/// <summary>
/// Reads each agency's commands queue and answers on its replies queue. The agency is the queue's, not anything the
/// message says: only the agency's own broker identity (and the hub) may write to that queue's exchange, so the broker
/// has already checked who sent it.
/// </summary>
public sealed class AgencyCommandConsumer(IAgencyCommands commands, BusOptions bus) : IConsumer<AcknowledgeAlertOverBus>, IConsumer<PostUpdateOverBus>
{
    public async Task Consume(ConsumeContext<AcknowledgeAlertOverBus> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var agency = AgencyOf(context);
        await ReplyAsync(context, agency, await commands.AcknowledgeAsync(agency, context.Message, context.CancellationToken));
    }

    public async Task Consume(ConsumeContext<PostUpdateOverBus> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var agency = AgencyOf(context);
        await ReplyAsync(context, agency, await commands.PostUpdateAsync(agency, context.Message, context.CancellationToken));
    }

    /// <summary>The agency whose commands queue the message was read from.</summary>
    private string AgencyOf(ConsumeContext context)
    {
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];
        var start = AgencyQueues.Entries(bus.QueuePrefix, string.Empty);
        const string end = ".commands";
        if (!queue.StartsWith(start, StringComparison.Ordinal) || !queue.EndsWith(end, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A command arrived on '{queue}', which is no agency's commands queue.");
        }

        return queue[start.Length..^end.Length];
    }

    private async Task ReplyAsync(ConsumeContext context, string agency, AgencyCommandAnswered answer)
    {
        var replies = await context.GetSendEndpoint(new Uri($"exchange:{AgencyQueues.Replies(bus.QueuePrefix, agency)}"));
        await replies.Send(answer, context.CancellationToken);
    }
}
