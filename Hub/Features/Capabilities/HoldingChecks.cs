using Coordination.Agencies.Contracts.Capabilities;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Refusals;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Capabilities;

/// <summary>One line of a declaration as sent: nullable, so a missing field is named rather than unreadable.</summary>
public sealed record HoldingRequest(string? Capability, int? Count, string? District);

/// <summary>
/// What every declaration must be, each problem named by its place and field as the JSON names it
/// (<c>holdings[2].capability</c>): capabilities from the vocabulary, known districts, counts of 0 or more, and each
/// capability and district on one line only.
/// </summary>
public static class HoldingChecks
{
    public const int MaxHoldings = 500;
    public const int MaxCount = 100_000;

    public static IReadOnlyList<ValidationFailure> Find(IReadOnlyList<HoldingRequest?>? holdings)
    {
        var failures = new List<ValidationFailure>();
        void Add(string field, Text message) => failures.Add(new ValidationFailure(field, message.ToString()));
        if (holdings is null || holdings.Count > MaxHoldings)
        {
            Add("holdings", Invalid.HoldingsRequired);
            return failures;
        }

        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < holdings.Count; i++)
        {
            var at = $"holdings[{i}]";
            if (holdings[i] is not { } holding)
            {
                Add(at, Invalid.HoldingMissing);
                continue;
            }

            if (string.IsNullOrEmpty(holding.Capability))
            {
                Add($"{at}.capability", Invalid.CapabilityRequired);
            }
            else if (!Agencies.Contracts.Capabilities.Capabilities.IsKnown(holding.Capability))
            {
                Add($"{at}.capability", Invalid.UnknownCapability(holding.Capability));
            }

            if (holding.Count is not (>= 0 and <= MaxCount))
            {
                Add($"{at}.count", Invalid.HoldingCount);
            }

            if (string.IsNullOrEmpty(holding.District))
            {
                Add($"{at}.district", Invalid.DistrictRequired);
            }
            else if (!Districts.IsKnown(holding.District))
            {
                Add($"{at}.district", Invalid.UnknownDistrict(holding.District));
            }
            else if (holding.Capability is not null && !seen.Add((holding.Capability, holding.District)))
            {
                Add(at, Invalid.HoldingTwice(holding.Capability, holding.District));
            }
        }

        return failures;
    }

    /// <summary>The holdings a checked request declares, in the vocabulary's order, then by district.</summary>
    public static IReadOnlyList<CapabilityHolding> ToHoldings(IReadOnlyList<HoldingRequest?> holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        var order = Agencies.Contracts.Capabilities.Capabilities.All.Select((c, i) => (c.Code, i)).ToDictionary(c => c.Code, c => c.i, StringComparer.Ordinal);
        return [.. holdings.OfType<HoldingRequest>()
            .Select(h => new CapabilityHolding(h.Capability!, h.Count!.Value, h.District!))
            .OrderBy(h => order[h.Capability]).ThenBy(h => h.District, StringComparer.Ordinal)];
    }
}
