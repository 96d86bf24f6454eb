using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Reference;

/// <summary>Libya's 22 districts, with their Arabic and English names and seats.</summary>
public sealed class ListDistricts() : ListOf<District>(Policies.SignedIn, () => Districts.All);
