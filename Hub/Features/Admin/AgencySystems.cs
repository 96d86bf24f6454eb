using Coordination.Dispatch.AgencyBus;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Refusals;
using Microsoft.Extensions.Options;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// What issuing and revoking an agency system's broker identity both check and do: the agency exists and has a queue of
/// its own on the bus, and the broker made the change (its failure a 503 before anything is recorded).
/// </summary>
public sealed class AgencySystems(AgencyDirectory agencies, IOptions<AgencyBusOptions> options, BrokerIdentities? identities = null)
{
    /// <summary>The broker identities, once <paramref name="agency"/> is known to exist and to have its own queue.</summary>
    public BrokerIdentities For(string agency)
    {
        if (!agencies.Exists(agency))
        {
            throw Refuse.NoAgency(agency);
        }

        if (identities is null || !options.Value.Agencies.Contains(agency, StringComparer.Ordinal))
        {
            throw Refuse.AgencyNotOnTheBus(agency);
        }

        return identities;
    }

    /// <summary>Runs a change at the broker, turning its management API's failure into a readable refusal.</summary>
    public static async Task<T> AtBrokerAsync<T>(Func<Task<T>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            return await change();
        }
        catch (BrokerManagementException ex)
        {
            throw Refuse.BrokerManagementFailed(ex.Status);
        }
        catch (HttpRequestException)
        {
            throw Refuse.BrokerManagementFailed(503);
        }
    }
}
