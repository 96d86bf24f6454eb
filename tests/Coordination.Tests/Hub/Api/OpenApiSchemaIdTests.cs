using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// Each type has a schema of its own in the OpenAPI document: requests and answers nested in their use case share a
/// short name (<c>Request</c>, <c>Saved</c>, <c>Detail</c>), and one schema for several of them gave partners' generated
/// clients the wrong shape.
/// </summary>
[TestFixture]
public sealed class OpenApiSchemaIdTests
{
    [Test]
    public async Task No_two_types_share_a_schema_id()
    {
        // Every id the document's generator gives, with the types it gave it to.
        var named = new ConcurrentDictionary<string, ConcurrentDictionary<Type, bool>>(StringComparer.Ordinal);
        await using var hub = await HubHost.StartFreshAsync(services: s => s.PostConfigureAll<OpenApiOptions>(o =>
        {
            var create = o.CreateSchemaReferenceId;
            o.CreateSchemaReferenceId = info =>
            {
                var id = create(info);
                if (id is not null)
                {
                    named.GetOrAdd(id, _ => new()).TryAdd(Nullable.GetUnderlyingType(info.Type) ?? info.Type, true);
                }

                return id;
            };
        }));
        using var document = await OpenApiJson.ReadAsync(hub);
        var components = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToArray();
        var meeting = OpenApiJson.ReferenceOf(document.Operation("/api/meetings", "post").BodySchema()!.Value);
        var rules = OpenApiJson.ReferenceOf(document.Operation("/api/admin/routing-rules", "put").BodySchema()!.Value);

        Assert.Multiple(() =>
        {
            Assert.That(named.Keys, Is.SupersetOf(components), "every schema in the document was named here");
            Assert.That(named.Where(n => n.Value.Count > 1).Select(n => $"{n.Key}: {string.Join(", ", n.Value.Keys.Select(t => t.FullName))}"), Is.Empty);
            // A nested type is named after the use case it is declared in.
            Assert.That(meeting, Is.EqualTo("RecordMeetingRequest"));
            Assert.That(document.PropertiesOf(meeting!), Is.EquivalentTo(new[] { "heldOn", "agencies", "decisions", "actions", "eventId" }));
            Assert.That(rules, Is.EqualTo("ChangeRoutingRulesRequest"));
            Assert.That(document.PropertiesOf(rules!), Is.EquivalentTo(new[] { "rules", "reason", "expectedVersion", "eventId" }));
            // Names the tests, the README and partners' clients know stay as they were.
            Assert.That(components, Is.SupersetOf(new[] { "ReportIncidentRequest", "Severity", "HazardType", "ProblemDetails", "HttpValidationProblemDetails" }));
        });
    }

    [Test]
    public async Task Each_body_and_answer_refers_to_a_schema_with_the_fields_of_its_own_type()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var document = await OpenApiJson.ReadAsync(hub);
        var json = hub.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var endpoints = hub.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToArray();
        var wrong = new List<string>();
        var compared = 0;

        void Compare(string what, Type type, JsonElement? schema)
        {
            var info = json.GetTypeInfo(type);
            if (info is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element } && schema?.TryGetProperty("items", out var items) == true)
            {
                (info, schema) = (json.GetTypeInfo(element), items);
            }

            if (info.Kind != JsonTypeInfoKind.Object || schema is null || OpenApiJson.ReferenceOf(schema.Value) is not { } id)
            {
                return;
            }

            compared++;
            // A field left out of the JSON ([JsonIgnore]) can be neither read nor written.
            var fields = info.Properties.Where(p => p.Get is not null || p.Set is not null).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
            var documented = document.PropertiesOf(id).Order(StringComparer.Ordinal).ToArray();
            if (!fields.SequenceEqual(documented))
            {
                wrong.Add($"{what} ({type.FullName}) refers to {id}: [{string.Join(", ", documented)}], not [{string.Join(", ", fields)}]");
            }
        }

        foreach (var endpoint in endpoints)
        {
            var operation = document.Operation(OpenApiJson.PathOf(endpoint.RelativePath!), endpoint.HttpMethod!);
            var what = $"{endpoint.HttpMethod} /{endpoint.RelativePath}";
            if (endpoint.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body) is { } body)
            {
                Compare(what + " body", body.Type, operation.BodySchema());
            }

            if (endpoint.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == 200)?.Type is { } answer && answer != typeof(void))
            {
                Compare(what + " answer", answer, operation.AnswerSchema());
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(compared, Is.GreaterThan(100), "bodies and answers compared");
            Assert.That(wrong, Is.Empty);
        });
    }
}
