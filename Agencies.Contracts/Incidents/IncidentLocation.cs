namespace Coordination.Agencies.Contracts.Incidents;

/// <summary>Where an incident is.</summary>
/// <param name="District">District code (see <see cref="Reference.Districts"/>).</param>
/// <param name="Municipality">Municipality or locality name, free text, optional.</param>
/// <param name="Latitude">Optional WGS84 latitude.</param>
/// <param name="Longitude">Optional WGS84 longitude.</param>
public sealed record IncidentLocation(string District, string? Municipality, double? Latitude, double? Longitude);
