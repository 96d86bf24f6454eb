namespace Coordination.Dispatch.Routing;

/// <summary>What is wrong with one rule of a proposed set.</summary>
public enum RuleProblemKind
{
    /// <summary>The rule is null.</summary>
    Missing,

    /// <summary>The rule has no id.</summary>
    MissingId,

    /// <summary>The id is not a code (3 to 60 lower-case letters, digits or hyphens): it is written on every alert the rule raises.</summary>
    BadId,

    /// <summary>Another rule has the same id.</summary>
    DuplicateId,

    /// <summary>The rule alerts no agency.</summary>
    NoAgencies,

    /// <summary>The rule names an agency the directory does not hold.</summary>
    UnknownAgency,

    /// <summary>The rule names the duty office, which has no liaison to acknowledge an alert.</summary>
    DutyOffice,

    /// <summary>The rule names a district that is not one of Libya's.</summary>
    UnknownDistrict,
}

/// <summary>One problem of a proposed rule set: the rule's place (from 0), its id when it has one, the field and the value.</summary>
public sealed record RuleProblem(int Index, string? RuleId, string Field, RuleProblemKind Kind, string? Value = null);
