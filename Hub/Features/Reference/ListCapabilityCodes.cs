using Coordination.Agencies.Contracts.Capabilities;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Reference;

/// <summary>The capabilities agencies declare and plans' tasks need, each code with its Arabic and English names.</summary>
public sealed class ListCapabilityCodes() : ListOf<Capability>(Policies.SignedIn, () => Agencies.Contracts.Capabilities.Capabilities.All);
