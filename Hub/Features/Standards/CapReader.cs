using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// Reads a CAP 1.2 message from outside without trusting it: no DTD (so no external entities and no entity
/// expansion bombs), no resolver (no network or file fetches while parsing), a size and depth limit, then the OASIS
/// schema, then the rules the schema does not check. Every problem is named with where it is.
/// </summary>
public static class CapReader
{
    public const int MaxCharacters = 1_000_000;
    private const int MaxDepth = 32;

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        using var stream = typeof(CapReader).Assembly.GetManifestResourceStream("CAP-v1.2.xsd")!;
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(CapAlerts.Cap.NamespaceName, reader);
        set.Compile();
        return set;
    });

    /// <summary>The message's <c>alert</c> element, or the problems that stop it (each with its line or element).</summary>
    public static (XElement? Alert, IReadOnlyList<string> Problems) Read(Stream body)
    {
        ArgumentNullException.ThrowIfNull(body);
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(body, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxCharacters,
                MaxCharactersFromEntities = 0,
                IgnoreComments = true,
            });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return (null, [$"line {ex.LineNumber}: {ex.Message}"]);
        }

        if (document.Root is not { } root || root.Name != CapAlerts.Cap + "alert")
        {
            return (null, [$"the root element is {document.Root?.Name}, not {{{CapAlerts.Cap.NamespaceName}}}alert"]);
        }

        if (root.DescendantsAndSelf().Any(e => e.Ancestors().Count() >= MaxDepth))
        {
            return (null, [$"elements nest deeper than {MaxDepth} levels"]);
        }

        var problems = new List<string>();
        document.Validate(Schema.Value, (sender, e) => problems.Add(
            $"{(sender is IXmlLineInfo at && at.HasLineInfo() ? $"line {at.LineNumber}, " : "")}{(sender as XElement)?.Name.LocalName ?? "schema"}: {e.Message}"));
        problems.AddRange(RulesBeyondTheSchema(root));
        return problems.Count == 0 ? (root, []) : (null, problems);
    }

    /// <summary>CAP 1.2's own rules the schema cannot express (OASIS CAP 1.2 section 3).</summary>
    private static IEnumerable<string> RulesBeyondTheSchema(XElement alert)
    {
        string? Value(string name) => alert.Element(CapAlerts.Cap + name)?.Value;
        foreach (var name in new[] { "identifier", "sender" })
        {
            if (Value(name) is { } value && value.AsSpan().IndexOfAny(" ,<&") >= 0)
            {
                yield return $"{name}: must not contain spaces, commas, < or &";
            }
        }

        foreach (var time in alert.Descendants().Where(e => e.Name.LocalName is "sent" or "effective" or "onset" or "expires"))
        {
            if (time.Value.EndsWith('Z') || time.Value.EndsWith('z'))
            {
                yield return $"{time.Name.LocalName}: CAP times carry their offset (-00:00 for UTC), not Z";
            }
        }

        if (Value("scope") == "Restricted" && string.IsNullOrWhiteSpace(Value("restriction")))
        {
            yield return "restriction: required when scope is Restricted";
        }

        if (Value("scope") == "Private" && string.IsNullOrWhiteSpace(Value("addresses")))
        {
            yield return "addresses: required when scope is Private";
        }

        if (Value("msgType") is "Update" or "Cancel" && string.IsNullOrWhiteSpace(Value("references")))
        {
            yield return $"references: required for msgType {Value("msgType")}";
        }
    }
}
