using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// The OpenAPI document's <c>required</c> lists name exactly the fields the hub refuses a request body without: not
/// the idempotency key or the version a change was made from, which a partner's client may leave out.
/// </summary>
[TestFixture]
public sealed class OpenApiRequiredFieldsTests
{
    private static readonly string[] Callers = ["admin", "commander", "duty.operator", "liaison.ncem"];

    /// <summary>Fields the 400 names when an empty body leaves out both of two, either of which will do.</summary>
    private static readonly Dictionary<string, string[]> EitherOr = new(StringComparer.Ordinal)
    {
        ["ChangeClearanceRequest"] = ["grant"], // or revoke
    };

    /// <summary>What a probe of a nested object sends besides, so that the hub goes on to check it: an exercise's simulated agencies are checked only against a scenario it finds.</summary>
    private static readonly Dictionary<string, string> Grounds = new(StringComparer.Ordinal)
    {
        ["post /api/exercises"] = """{"scenario":"medicane-derna"}""",
    };

    [Test]
    public async Task The_idempotency_key_and_the_expected_version_are_not_required()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var document = await OpenApiJson.ReadAsync(hub);
        var bodies = document.Operations()
            .Select(o => (Name: $"{o.Method} {o.Path}", Schema: o.Operation.BodySchema() is { } schema ? OpenApiJson.ReferenceOf(schema) : null))
            .Where(b => b.Schema is not null)
            .ToArray();
        string[] Required(string path) => document.RequiredOf(OpenApiJson.ReferenceOf(document.Operation(path, "post").BodySchema()!.Value)!);

        Assert.Multiple(() =>
        {
            Assert.That(Required("/api/incidents"), Is.EquivalentTo(new[] { "hazard", "severity", "title", "district" }));
            Assert.That(bodies.Where(b => document.PropertiesOf(b.Schema!).Contains("eventId")).Select(b => b.Name), Is.Not.Empty);
            Assert.That(bodies.Where(b => document.PropertiesOf(b.Schema!).Contains("expectedVersion")).Select(b => b.Name), Is.Not.Empty);
            Assert.That(bodies.Where(b => document.RequiredOf(b.Schema!).Contains("eventId")).Select(b => b.Name), Is.Empty);
            Assert.That(bodies.Where(b => document.RequiredOf(b.Schema!).Contains("expectedVersion")).Select(b => b.Name), Is.Empty);
        });
    }

    /// <summary>
    /// Sends each endpoint that reads a body an empty one, and each object nested in it empty (<c>{"tasks":[{}]}</c>),
    /// and reads which fields the 400 names. A schema may list as required only fields that every endpoint reading it
    /// refuses a body without (by name, or by naming the object they belong to); it must list every field all of them do.
    /// </summary>
    [Test]
    public async Task Each_required_list_names_exactly_the_fields_the_hub_refuses_a_body_without()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var document = await OpenApiJson.ReadAsync(hub);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            foreach (var caller in Callers)
            {
                clients[caller] = await hub.ClientForAsync(caller);
            }

            await ProbeEveryBodyAsync(document, clients);
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private static async Task ProbeEveryBodyAsync(JsonDocument document, Dictionary<string, HttpClient> clients)
    {
        var seen = new List<Probe>();
        foreach (var (path, method, operation) in document.Operations())
        {
            if (operation.BodySchema() is not { } body || OpenApiJson.ReferenceOf(body) is not { } schema)
            {
                continue;
            }

            var target = path;
            JsonElement[] parameters = operation.TryGetProperty("parameters", out var list) ? [.. list.EnumerateArray()] : [];
            foreach (var parameter in parameters)
            {
                var uuid = parameter.GetProperty("schema").TryGetProperty("format", out var format) && format.GetString() == "uuid";
                target = target.Replace("{" + parameter.GetProperty("name").GetString() + "}", uuid ? Guid.NewGuid().ToString() : "ncem", StringComparison.Ordinal);
            }

            // The first caller it does not refuse (403): who may call it is another test's business.
            Target? endpoint = null;
            foreach (var caller in Callers)
            {
                var candidate = new Target($"{method} {path}", new HttpMethod(method.ToUpperInvariant()), target.TrimStart('/'), clients[caller]);
                if ((await SendAsync(candidate, new JsonObject())).Status != HttpStatusCode.Forbidden)
                {
                    endpoint = candidate;
                    break;
                }
            }

            Assert.That(endpoint, Is.Not.Null, $"{method} {path}: every caller is refused");
            await ProbeAsync(document, endpoint!, schema, [], seen);
        }

        var wrong = new List<string>();
        foreach (var schema in seen.GroupBy(p => p.Schema))
        {
            var required = document.RequiredOf(schema.Key);
            foreach (var probe in schema.Where(p => !p.WholeNamed))
            {
                wrong.AddRange(required.Except(probe.Named).Select(f => $"{schema.Key} lists {f} as required, but {probe.Where} takes a body without it"));
            }

            var refusedByAll = schema.Select(p => p.Named).Aggregate((a, b) => [.. a.Intersect(b)]);
            var eitherOr = EitherOr.GetValueOrDefault(schema.Key, []);
            wrong.AddRange(refusedByAll.Except(required).Except(eitherOr).Select(f => $"{schema.Key} does not list {f} as required, but every endpoint reading it refuses a body without it"));
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(p => p.Schema).Distinct().Count(), Is.GreaterThan(40), "schemas probed");
            Assert.That(wrong, Is.Empty);
        });
    }

    /// <summary>Probes the object at <paramref name="at"/> (empty, all else left out), then each object nested in it.</summary>
    private static async Task ProbeAsync(JsonDocument document, Target endpoint, string schema, (string Field, bool InList)[] at, List<Probe> seen)
    {
        var body = at.Length > 0 && Grounds.TryGetValue(endpoint.Name, out var grounds) ? JsonNode.Parse(grounds)!.AsObject() : new JsonObject();
        JsonNode probed = new JsonObject();
        for (var i = at.Length - 1; i >= 0; i--)
        {
            JsonNode value = at[i].InList ? new JsonArray(probed) : probed;
            probed = i == 0 ? value : new JsonObject { [at[i].Field] = value };
        }

        if (at.Length > 0)
        {
            body[at[0].Field] = probed;
        }

        var (status, refused) = await SendAsync(endpoint, body);
        Assert.That(status, Is.Not.EqualTo(HttpStatusCode.Forbidden).And.Not.EqualTo(HttpStatusCode.InternalServerError), $"{endpoint.Name} {body.ToJsonString()}");
        Assert.That(refused, Has.None.StartsWith("$"), $"{endpoint.Name} could not read {body.ToJsonString()}");
        var prefix = string.Join('.', at.Select(a => a.InList ? a.Field + "[0]" : a.Field));
        var fields = document.PropertiesOf(schema);
        var named = fields.Where(f => refused.Contains(prefix.Length == 0 ? f : prefix + "." + f)).ToArray();
        // A nested object sent empty may be refused as a whole (its own key), before its fields are looked at.
        var whole = prefix.Length > 0 && refused.Contains(prefix);
        seen.Add(new Probe(schema, $"{endpoint.Name} at {(prefix.Length == 0 ? "the top" : prefix)}", named, whole));

        var properties = document.Component(schema).TryGetProperty("properties", out var p) ? p.EnumerateObject().ToArray() : [];
        foreach (var property in properties)
        {
            var inList = property.Value.TryGetProperty("items", out var items);
            if (OpenApiJson.ReferenceOf(inList ? items : property.Value) is { } nested && document.PropertiesOf(nested).Length > 0 && at.Length < 4)
            {
                await ProbeAsync(document, endpoint, nested, [.. at, (property.Name, inList)], seen);
            }
        }
    }

    private static async Task<(HttpStatusCode Status, string[] Refused)> SendAsync(Target endpoint, JsonObject body)
    {
        using var request = new HttpRequestMessage(endpoint.Method, endpoint.Path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        using var response = await endpoint.Client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return (response.StatusCode, []);
        }

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        // A member the serializer itself requires is named by its JSON path ($.rules[0].hazards): the field, all the same.
        return (response.StatusCode, [.. problem.RootElement.GetProperty("errors").EnumerateObject()
            .Select(e => e.Name.StartsWith("$.", StringComparison.Ordinal) && e.Value[0].GetString()!.Contains("is required (", StringComparison.Ordinal) ? e.Name[2..] : e.Name)]);
    }

    private sealed record Target(string Name, HttpMethod Method, string Path, HttpClient Client);

    /// <summary>What one empty object at one place in one endpoint's body was refused for.</summary>
    private sealed record Probe(string Schema, string Where, string[] Named, bool WholeNamed);
}
