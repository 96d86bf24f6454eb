using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Common;

/// <summary>Builds log events for commands: the caller, the exercise flag and the exercise (for one run from a scenario) go into every entry's metadata.</summary>
public static class Events
{
    public static NewEvent Create<T>(Guid eventId, string type, T data, Caller caller, bool isExercise, Guid? exerciseId = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new NewEvent(
            eventId,
            type,
            JsonSerializer.Serialize(data, ContractJson.Options),
            new EntryMetadata(caller.UserName, caller.Agency, CorrelationId: eventId, CausationId: null, isExercise, exerciseId));
    }
}
