namespace Coordination.Hub.Features.Common;

/// <summary>
/// Marks a query parameter read as text that must name one of <see cref="EnumType"/>'s values (<see cref="EnumNames"/>),
/// so the OpenAPI document lists those names for it, as it does for the enum in a body.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class NamesOfAttribute(Type enumType) : Attribute
{
    /// <summary>The enum whose names the parameter takes.</summary>
    public Type EnumType { get; } = enumType;
}
