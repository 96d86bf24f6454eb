using System.Text.Json;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Api;

/// <summary>The OpenAPI document lists the names an enum field takes, exactly as the hub reads them.</summary>
[TestFixture]
public sealed class OpenApiEnumTests
{
    [Test]
    public async Task The_OpenAPI_document_lists_each_enum_by_its_names()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var document = JsonDocument.Parse(await hub.Http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative)));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        string[] Names(string schema) => [.. schemas.GetProperty(schema).GetProperty("enum").EnumerateArray().Select(n => n.GetString()!)];

        // A filter read as text and checked against an enum's names lists them as the enum does.
        string[] QueryNames(string path, string parameter) =>
        [
            .. document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == parameter).GetProperty("schema").GetProperty("enum").EnumerateArray().Select(n => n.GetString()!),
        ];

        Assert.Multiple(() =>
        {
            Assert.That(Names("Severity"), Is.EqualTo(new[] { "Unknown", "Minor", "Moderate", "Severe", "Extreme" }));
            Assert.That(Names("HazardType"), Does.Contain("Flood").And.Contain("ArmedClash"));
            Assert.That(Names("IncidentStatus"), Is.EqualTo(new[] { "Reported", "Acknowledged", "Responding", "Contained", "Closed" }));
            Assert.That(Names("Role"), Is.EqualTo(new[] { "Operator", "Liaison", "Commander", "Administrator" }));
            Assert.That(QueryNames("/api/incidents", "status"), Is.EqualTo(Names("IncidentStatus")));
            Assert.That(QueryNames("/api/incidents", "hazard"), Is.EqualTo(Names("HazardType")));
            Assert.That(QueryNames("/api/register", "theme"), Is.EqualTo(new[] { "Natural", "Accident", "Societal", "Malicious" }));
            Assert.That(QueryNames("/api/register/heatmap", "theme"), Is.EqualTo(new[] { "Natural", "Accident", "Societal", "Malicious" }));
            Assert.That(QueryNames("/api/improvements", "source"), Is.EqualTo(new[] { "None", "Exercise", "Meeting" }));
        });
    }
}
