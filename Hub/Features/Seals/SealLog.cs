using Coordination.Agencies.Contracts.Seals;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Seals;

/// <summary>
/// Seals the log now, on demand: signs the head when anything but seals was logged since the last seal, and answers
/// with the seal made, or else the latest one (nothing written). A seal is an entry, pushed to everyone.
/// </summary>
public sealed class SealLog(LogSealer sealer) : IUseCase<SealLog.Command, LogSealed>
{
    public sealed record Command;

    public Policy Policy => Policies.SealLog;

    public async Task<LogSealed> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // The log is never empty once the hub has started (its directory is the first entries).
        return await sealer.SealAsync(onlyIfMoved: false, caller.UserName, caller.Agency, cancellationToken)
            ?? throw new InvalidOperationException("The log is empty: nothing to seal.");
    }
}
