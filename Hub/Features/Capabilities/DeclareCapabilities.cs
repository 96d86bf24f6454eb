using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Capabilities;

/// <summary>
/// An agency declares what it holds: the whole list (capability, count, district), replacing the one before, as one
/// entry on its capabilities stream. Its own liaisons and administrators declare it; a change says why; one made from
/// a version since replaced is refused (409); the same list again writes nothing.
/// </summary>
public sealed class DeclareCapabilities(AgencyDirectory agencies, CapabilityLog capabilities) : IUseCase<DeclareCapabilities.Command, DeclareCapabilities.Saved>
{
    /// <summary>The agency, every line it holds, why, and the version it was made from (the latest when omitted).</summary>
    public sealed record Command(string Agency, IReadOnlyList<HoldingRequest?>? Holdings, string? Reason, int? ExpectedVersion);

    /// <param name="Agency">The agency.</param>
    /// <param name="Version">Its declaration's version now.</param>
    /// <param name="Position">The entry's position in the log (0 when nothing changed).</param>
    public sealed record Saved(string Agency, int Version, long Position);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Holdings).Custom((holdings, context) =>
            {
                foreach (var failure in HoldingChecks.Find(holdings))
                {
                    context.AddFailure(failure);
                }
            });
            RuleFor(c => c.Reason).SafeText(1000, multiline: true, "السبب").OverridePropertyName("reason");
            RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).Says(Invalid.ExpectedDeclarationVersion).OverridePropertyName("expectedVersion");
        }
    }

    public Policy Policy => Policies.DeclareCapabilities;

    public async Task<Saved> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!agencies.Exists(request.Agency))
        {
            throw Refuse.NoAgency(request.Agency);
        }

        if (caller.Role == Role.Liaison && caller.Agency != request.Agency)
        {
            throw Refuse.NotYourAgencysCapabilities(request.Agency);
        }

        if (agencies.IsDutyOffice(request.Agency))
        {
            // No task is ever the duty office's, so what it held would fill no gap while counting as if it did.
            throw new ValidationException([new ValidationFailure("agency", Invalid.DutyOfficeHoldsNothing(request.Agency).ToString())]);
        }

        var history = await capabilities.HistoryAsync(request.Agency, cancellationToken);
        var current = history.Count == 0 ? DeclarationView.None(request.Agency) : history[^1];
        var holdings = HoldingChecks.ToHoldings(request.Holdings!);
        // A version beyond the latest is a mistake even when the holdings are declared as they stand.
        var expected = MadeFrom.Version(request.ExpectedVersion, current.Version);
        if (current.Version > 0 && holdings.SequenceEqual(current.Holdings))
        {
            // Declared again as it stands: nothing to record.
            return new Saved(request.Agency, current.Version, 0);
        }

        // The history says why each declaration was made; the first may go without.
        if (current.Version > 0 && string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new ValidationException([new ValidationFailure("reason", Invalid.DeclarationReasonRequired.ToString())]);
        }

        try
        {
            var (version, position) = await capabilities.AppendAsync(caller, request.Agency, holdings,
                OptionalText.Kept(request.Reason), isSample: false, expected, cancellationToken);
            return new Saved(request.Agency, version, position);
        }
        catch (ConcurrencyConflictException)
        {
            throw Refuse.CapabilitiesChangedMeanwhile(request.Agency, expected);
        }
    }
}
