using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Persistence.EventLog;

namespace Coordination.Bench;

/// <summary>A report as the hub logs it, so every measurement moves rows of the real size.</summary>
internal static class SampleRow
{
    /// <summary>A flood report in Derna; a Minor one is routed to no agency (the sample rules start at Moderate).</summary>
    public static NewEvent Report(Guid incidentId, Severity severity = Severity.Extreme) => new(
        Guid.NewGuid(),
        EventTypes.IncidentReported,
        JsonSerializer.Serialize(new IncidentReported(
            incidentId, HazardType.Flood, CapCategory.Met, severity, Urgency.Immediate, Certainty.Observed,
            "فيضان في درنة: انهيار سدَّي وادي درنة", "مياه السيول تجرف أحياء وسط المدينة ويجب إخلاء الأحياء المنخفضة فوراً.",
            new IncidentLocation("derna", "درنة", 32.76, 22.64), DateTimeOffset.UtcNow, Classification.Public, [], false, "duty.operator", DateTimeOffset.UtcNow),
            ContractJson.Options),
        new EntryMetadata("duty.operator", "moi-duty", Guid.NewGuid(), null, false));
}
