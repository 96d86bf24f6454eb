using System.Text.Json;

namespace Coordination.Bench.Live;

/// <summary>
/// What the bench's clients read of a pushed log entry: the fields they time deliveries by, read straight
/// from the push's JSON. The thousand simulated screens share two cores with the hub; a real liaison's
/// screen parses its entries on its own device, so the generator should spend as little as it can on
/// them. (Binding each entry to a LogEntry record took the generator 1.04 cores at S1's 100/s; this, 0.92.)
/// </summary>
internal readonly struct Delivery(JsonElement entry)
{
    public long Position => entry.GetProperty("position").GetInt64();

    public Guid IncidentId => entry.GetProperty("incidentId").GetGuid();

    public bool IsOfType(string type) => entry.GetProperty("type").ValueEquals(type);

    /// <summary>Whether the entry's data names <paramref name="agency"/> as its agency (AgencyAlerted, AlertAcknowledged).</summary>
    public bool IsForAgency(string agency) =>
        entry.GetProperty("data").TryGetProperty("agency", out var value) && value.ValueEquals(agency);
}
