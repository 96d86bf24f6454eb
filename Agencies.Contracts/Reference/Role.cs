namespace Coordination.Agencies.Contracts.Reference;

/// <summary>What a signed-in person does in the hub.</summary>
public enum Role
{
    /// <summary>Duty-office operator: logs and updates incidents.</summary>
    Operator,
    /// <summary>Agency liaison: receives and acknowledges alerts for one agency.</summary>
    Liaison,
    /// <summary>Commander: watches every incident and the shared timeline.</summary>
    Commander,
    /// <summary>Administrator: keeps agencies, users and routing rules.</summary>
    Administrator,
}
