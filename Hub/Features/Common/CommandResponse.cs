namespace Coordination.Hub.Features.Common;

/// <summary>Where a command's entry landed; <see cref="Version"/> is the expected version for the next command.</summary>
public sealed record CommandResponse(Guid IncidentId, long Position, int Version, bool WasDuplicate);
