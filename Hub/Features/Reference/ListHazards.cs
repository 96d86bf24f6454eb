using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Reference;

/// <summary>The hazards an incident can be reported as, with their names in Arabic and English and their CAP category.</summary>
public sealed class ListHazards() : ListOf<HazardInfo>(Policies.SignedIn, () => Hazards.All);
