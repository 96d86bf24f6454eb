using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;

namespace Coordination.Hub.Features.EventLog;

/// <summary>Walks the log's hash chain and names the first position whose hash, link or sequence is wrong.</summary>
public sealed class VerifyLog(IEventLog log) : IUseCase<VerifyLog.Query, VerificationResult>
{
    public sealed record Query;

    public Policy Policy => Policies.VerifyLog;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public Task<VerificationResult> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => log.VerifyAsync(cancellationToken);
}
