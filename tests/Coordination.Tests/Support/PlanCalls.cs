using System.Text.Json;
using System.Text.Json.Nodes;

namespace Coordination.Tests.Support;

/// <summary>Reading the plan library as a client would, and turning a plan back into what a change sends.</summary>
public static class PlanCalls
{
    /// <summary>The plan with <paramref name="code"/> as the library shows it (<c>{plan, version, changedBy, changedAt}</c>).</summary>
    public static async Task<JsonElement> PlanAsync(this HttpClient client, string code) =>
        (await client.GetOkAsync("api/plans")).GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("plan").GetProperty("code").GetString() == code);

    /// <summary>A plan as the library shows it, as the body of a change: without the fields the hub sets itself.</summary>
    public static JsonObject Editable(JsonElement view)
    {
        var plan = JsonNode.Parse(view.GetProperty("plan").GetRawText())!.AsObject();
        plan.Remove("planId");
        plan.Remove("isSample");
        return plan;
    }

    /// <summary>The plan's id, from the library's view of it.</summary>
    public static Guid PlanId(JsonElement view) => view.GetProperty("plan").GetProperty("planId").GetGuid();
}
