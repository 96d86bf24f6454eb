using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;

namespace Coordination.Hub.Pipeline;

/// <summary>
/// One command or read of the hub: its request, the policy it needs, and what it does. REST endpoints and hub
/// methods are thin adapters that hand the request to <see cref="UseCasePipeline"/>, which demands the policy,
/// applies the rate limit and runs the request's validator before <see cref="HandleAsync"/>; refusals are turned
/// into answers once per transport (<c>Refusals/</c>). A use case lives in one file under
/// <c>Features/&lt;Area&gt;/</c> with its request and validator.
/// </summary>
public interface IUseCase<in TRequest, TResponse>
{
    /// <summary>The row of <see cref="Policies"/> a caller must pass.</summary>
    Policy Policy { get; }

    /// <summary>Further rows the handler demands itself, when the request asks for more (another agency's inbox).</summary>
    IReadOnlyList<Policy> AlsoDemands => [];

    /// <summary>The rate limit it counts against, if any.</summary>
    RateLimit RateLimit => RateLimit.None;

    Task<TResponse> HandleAsync(Caller caller, TRequest request, CancellationToken cancellationToken);
}

/// <summary>Per-minute limits (<c>Coordination:Security</c>): a caller over one is refused with 429 and Retry-After.</summary>
public enum RateLimit
{
    None,

    /// <summary>Incident reports per user (<c>ReportsPerMinute</c>).</summary>
    ReportsPerUser,

    /// <summary>Reads of incidents per user (<c>ReadsPerMinute</c>): one account cannot hammer the database.</summary>
    ReadsPerUser,

    /// <summary>Sign-in and refresh attempts per client address (<c>SignInsPerMinute</c>); the request names the address.</summary>
    SignInsPerAddress,
}

/// <summary>A request that carries the client's network address, for limits counted per address.</summary>
public interface IFromAddress
{
    string ClientAddress { get; }
}
