using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Persistence.FollowUp;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>A coordination meeting as it was recorded, with who recorded it.</summary>
/// <param name="Meeting">The meeting: its date, attending agencies, decisions and the ids of its action items.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When.</param>
/// <param name="Position">The position of the entry that recorded it.</param>
public sealed record MeetingView(CoordinationMeeting Meeting, string RecordedBy, DateTimeOffset RecordedAt, long Position)
{
    public static MeetingView From(MeetingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var meeting = JsonSerializer.Deserialize<CoordinationMeeting>(row.Data, ContractJson.Options) ?? throw new JsonException($"Meeting {row.MeetingId} is empty.");
        return new(meeting, row.RecordedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.RecordedAt), row.Position);
    }
}
