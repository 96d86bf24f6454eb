using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Seals;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Projections;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Seals;

/// <summary>
/// The log from <c>from</c> (1 unless given) as JSON lines (<see cref="LogExport"/>): every entry as stored, with its
/// hashes, then the seals whose positions lie in the range. The range runs on to the first sealed position at or
/// after <c>to</c> (the head unless given), sealing the log now when no seal reaches that far, so its end is always
/// covered by a seal and the offline verifier can prove all of it (when only seals were logged after the latest
/// sealed position, the range ends there). Restricted incidents in it are audited as read.
/// </summary>
public sealed class ExportLog(IEventLog log, LogSealer sealer, ReadModels readModels, RestrictedAccessAudit audit, TimeProvider time) : IUseCase<ExportLog.Query, ExportLog.File>
{
    public sealed record Query(long? From, long? To);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).GreaterThanOrEqualTo(1).Says(from => Invalid.ExportFrom(from ?? 0));
            RuleFor(q => q.To).Must((q, to) => to >= Math.Max(q.From ?? 1, 1)).When(q => q.To is not null).Says(to => Invalid.ExportTo(to ?? 0));
        }
    }

    /// <summary>What the endpoint streams: the range, its seals, and the writer of its lines.</summary>
    public sealed record File(long First, long Last, IReadOnlyList<LogSealed> Seals, Func<Stream, CancellationToken, Task> WriteAsync);

    public Policy Policy => Policies.ExportLog;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<File> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var head = await log.HeadPositionAsync(cancellationToken);
        var first = request.From ?? 1;
        var failures = new List<ValidationFailure>();
        if (first > head)
        {
            failures.Add(new ValidationFailure(nameof(Query.From), Invalid.BeyondHead("from", first, head).ToString()));
        }

        if (request.To > head)
        {
            failures.Add(new ValidationFailure(nameof(Query.To), Invalid.BeyondHead("to", request.To.Value, head).ToString()));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var to = request.To ?? head;
        var reaching = await sealer.SealsWithinAsync(to, long.MaxValue, cancellationToken);
        var ending = (reaching.Count > 0 ? reaching[0] : null)
            ?? await sealer.SealAsync(onlyIfMoved: false, caller.UserName, caller.Agency, cancellationToken)
            ?? throw new InvalidOperationException("The log is empty: nothing to export.");
        // Short of `to` only when nothing but seals followed the latest sealed position: they travel as seal lines.
        var last = ending.Position;
        if (first > last)
        {
            throw new ValidationException([new ValidationFailure(nameof(Query.From), Invalid.BeyondSealed("from", first, last).ToString())]);
        }

        var seals = await sealer.SealsWithinAsync(first, last, cancellationToken);
        var exportedAt = time.GetUtcNow();
        return new File(first, last, seals, async (stream, token) =>
        {
            var incidents = new HashSet<Guid>();
            try
            {
                await using var export = new LogExport(stream);
                await export.WriteHeaderAsync(first, last, exportedAt, token);
                await foreach (var row in log.ReadStoredAsync(first, last, token))
                {
                    if (!SystemStreams.IsSystem(row.IncidentId))
                    {
                        incidents.Add(row.IncidentId);
                    }

                    await export.WriteEntryAsync(row, token);
                }

                foreach (var seal in seals)
                {
                    await export.WriteSealAsync(seal, token);
                }
            }
            finally
            {
                // Whatever went out is read: the export holds restricted incidents' entries like a catch-up does.
                foreach (var chunk in incidents.Chunk(500))
                {
                    await audit.RecordAsync(caller, await readModels.RestrictedAmongAsync(chunk, CancellationToken.None), "export");
                }
            }
        });
    }
}
