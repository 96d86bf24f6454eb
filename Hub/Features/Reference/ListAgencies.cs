using Coordination.Dispatch.Agencies;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Reference;

/// <summary>The registered agencies, as this hub knows them now.</summary>
public sealed class ListAgencies(AgencyDirectory agencies) : ListOf<Agency>(Policies.SignedIn, () => agencies.All);
