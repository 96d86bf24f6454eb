namespace Coordination.Bench.Live;

/// <summary>
/// What the bench's clients read of a pushed log entry: the fields they time deliveries by. The thousand simulated
/// screens share two cores with the hub; a real liaison's screen parses its entries on its own device, so the
/// generator should spend as little as it can on them. (Binding each entry to a LogEntry record took the generator
/// 1.04 cores at S1's 100/s; reading it as a JsonElement, 0.92; see <see cref="DeliveredPage"/> for what it is now.)
/// </summary>
internal readonly struct Delivery(long position, Guid incidentId, string type, string? agency)
{
    public long Position => position;

    public Guid IncidentId => incidentId;

    public string Type => type;

    /// <summary>The agency the entry's data names (AgencyAlerted, AlertAcknowledged, TaskAssigned), or null.</summary>
    public string? Agency => agency;

    public bool IsOfType(string name) => string.Equals(type, name, StringComparison.Ordinal);

    /// <summary>Whether the entry's data names <paramref name="name"/> as its agency (AgencyAlerted, AlertAcknowledged, TaskAssigned).</summary>
    public bool IsForAgency(string name) => string.Equals(agency, name, StringComparison.Ordinal);
}
