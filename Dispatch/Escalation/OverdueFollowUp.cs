using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;

namespace Coordination.Dispatch.Escalation;

/// <summary>
/// What is owed to something dated that was not done by its day (a risk's review, an improvement item): from the day
/// after, the responsible agency is alerted, a step interval later reminded, then escalated up <see cref="FollowUpPlanner.Chain"/>
/// one step interval each (<see cref="OverdueSteps"/>). Pure: each entry's id derives from the stream, the date and the
/// step, so a restart or a second hub deciding again appends nothing new, and a new date starts afresh.
/// </summary>
public static class OverdueFollowUp
{
    /// <summary>The steps after <paramref name="stepsDone"/> that have fallen due by <paramref name="now"/>, each with when it fell due.</summary>
    public static IEnumerable<(int Step, DateTimeOffset DueAt)> StepsDue(int stepsDone, DateTimeOffset overdueFrom, DateTimeOffset now, TimeSpan stepInterval)
    {
        for (var step = stepsDone + 1; step <= OverdueSteps.LastStep; step++)
        {
            var dueAt = overdueFrom + (stepInterval * (step - 1));
            if (now < dueAt)
            {
                yield break;
            }

            yield return (step, dueAt);
        }
    }

    /// <summary>The escalation level of an escalating <paramref name="step"/> (1 to 3), and who it reaches.</summary>
    public static (int Level, string EscalatedTo) Level(int step) => (step - OverdueSteps.Reminded, FollowUpPlanner.Chain[step - OverdueSteps.Reminded - 1]);

    /// <summary>The entry of one step on <paramref name="streamId"/>, its id derived from the stream and <paramref name="date"/> and <paramref name="step"/>.</summary>
    public static NewEvent Create<T>(Guid streamId, string kind, string date, int step, string type, T data)
    {
        var eventId = DerivedEventId.Create(streamId, $"{kind}:{date}:{step}");
        return new NewEvent(eventId, type, JsonSerializer.Serialize(data, ContractJson.Options),
            new EntryMetadata(FollowUpPlanner.Actor, "moi-duty", eventId, null, false));
    }
}
