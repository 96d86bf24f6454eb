using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Common;

/// <summary>A read that asks nothing of the request and lists what it reads, for callers its policy lets through (reference data, the users).</summary>
public abstract class ListOf<T>(Policy policy, Func<CancellationToken, Task<IReadOnlyList<T>>> read) : IUseCase<ListOf<T>.Query, IReadOnlyList<T>>
{
    protected ListOf(Policy policy, Func<IReadOnlyList<T>> read)
        : this(policy, _ => Task.FromResult(read()))
    {
    }

    /// <summary>Nothing to ask: the whole list.</summary>
    public sealed record Query;

    public Policy Policy => policy;

    public Task<IReadOnlyList<T>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => read(cancellationToken);
}
