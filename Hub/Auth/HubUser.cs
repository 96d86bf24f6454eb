using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Auth;

/// <summary>A person who can sign in: a role and the agency they act for.</summary>
public sealed record HubUser(string UserName, string DisplayName, Role Role, string Agency);
