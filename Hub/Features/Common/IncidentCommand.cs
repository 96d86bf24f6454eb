using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Common;

/// <summary>A command on an existing incident: its idempotency key and, when the author names it, the version they saw.</summary>
public interface IIncidentCommand
{
    Guid IncidentId { get; }

    /// <summary>Idempotency key; a retry with the same key is stored once.</summary>
    Guid? EventId { get; }

    /// <summary>The incident version the author saw; null means "the current one".</summary>
    int? ExpectedVersion { get; }
}

/// <summary>The rules every command on an incident shares; a command's own validator adds its fields' rules.</summary>
public abstract class IncidentCommandValidator<T> : AbstractValidator<T>
    where T : IIncidentCommand
{
    protected IncidentCommandValidator()
    {
        RuleFor(r => r.EventId).NotEqual(Guid.Empty).Says(Invalid.EmptyEventId);
        RuleFor(r => r.ExpectedVersion).GreaterThan(0).Says(Invalid.ExpectedVersion);
    }
}
