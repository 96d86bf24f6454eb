using System.Text.Json;
using System.Text.RegularExpressions;

namespace Coordination.Tests.Support;

/// <summary>The hub's OpenAPI document read as JSON: its operations, the schemas their bodies refer to, and those schemas' fields.</summary>
public static partial class OpenApiJson
{
    public static async Task<JsonDocument> ReadAsync(HubHost hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return JsonDocument.Parse(await hub.Http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative)));
    }

    /// <summary>The document's path for an endpoint's route (<c>api/incidents/{incidentId:guid}/</c> is <c>/api/incidents/{incidentId}</c>).</summary>
    public static string PathOf(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return "/" + RouteConstraint().Replace(route, "{$1}").TrimEnd('/');
    }

    public static JsonElement Operation(this JsonDocument document, string path, string method)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());
    }

    /// <summary>Each operation as (path, method, operation).</summary>
    public static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(this JsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (path.Name, operation.Name, operation.Value)));
    }

    /// <summary>The JSON schema of an operation's request body, if it reads one.</summary>
    public static JsonElement? BodySchema(this JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    /// <summary>The JSON schema of an operation's 200 answer, if it answers JSON.</summary>
    public static JsonElement? AnswerSchema(this JsonElement operation) =>
        operation.GetProperty("responses").TryGetProperty("200", out var ok) && ok.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    /// <summary>The component a schema refers to: itself or, for an optional field, the one beside null; not a list's items.</summary>
    public static string? ReferenceOf(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return reference.GetString()!.Split('/')[^1];
        }

        return schema.TryGetProperty("oneOf", out var alternatives)
            ? alternatives.EnumerateArray().Select(ReferenceOf).SingleOrDefault(id => id is not null)
            : null;
    }

    public static JsonElement Component(this JsonDocument document, string id)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(id);
    }

    public static string[] PropertiesOf(this JsonDocument document, string id) =>
        document.Component(id).TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];

    public static string[] RequiredOf(this JsonDocument document, string id) =>
        document.Component(id).TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteConstraint();
}
