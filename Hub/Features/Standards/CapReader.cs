using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// Reads a CAP 1.2 message from outside without trusting it: no DTD (so no external entities and no entity
/// expansion bombs), no resolver (no network or file fetches while parsing), a size and depth limit, then the OASIS
/// schema, then the rules the schema does not check. Every problem is named with where it is, and keyed by the
/// element at fault (<see cref="CapProblem"/>).
/// </summary>
public static class CapReader
{
    public const int MaxCharacters = 1_000_000;
    private const int MaxDepth = 32;

    private static readonly Lazy<StandardSchema> Schema = new(() => new("CAP-v1.2.xsd", CapAlerts.Cap.NamespaceName, "OASIS CAP 1.2"));

    /// <summary>The message's <c>alert</c> element, or the problems that stop it (each with its line or element).</summary>
    public static (XElement? Alert, IReadOnlyList<CapProblem> Problems) Read(Stream body)
    {
        var (document, problem) = Load(body);
        if (document is null)
        {
            return (null, [problem!]);
        }

        if (document.Root is not { } root || root.Name != CapAlerts.Cap + "alert")
        {
            return (null, [CapProblem.Whole(InvalidCap.RootElement($"{document.Root?.Name}", $"{{{CapAlerts.Cap.NamespaceName}}}alert"))]);
        }

        var problems = new List<CapProblem>(Deeper(root));
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        Validate(document, Schema.Value, problems);
        problems.AddRange(RulesBeyondTheSchema(root, Schema.Value));
        return problems.Count == 0 ? (root, []) : (null, problems);
    }

    /// <summary>
    /// Any XML from outside (a message, an EDXL-DE envelope, an Atom feed) read the one safe way: no DTD, nothing
    /// fetched, at most <see cref="MaxCharacters"/>; whitespace kept, since a signature covers it.
    /// </summary>
    public static (XDocument? Document, CapProblem? Problem) Load(Stream body)
    {
        ArgumentNullException.ThrowIfNull(body);
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
            return (XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace), null);
        }
        catch (XmlException ex)
        {
            // The parser's words are English only, and may quote what was sent: said in ours, with where.
            return (null, CapProblem.Whole(InvalidCap.NotXml(ex.LineNumber, ex.LinePosition, ex.Message)));
        }
    }

    /// <summary>Elements nested deeper than anything CAP or EDXL-DE needs.</summary>
    public static IEnumerable<CapProblem> Deeper(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.DescendantsAndSelf().Any(e => e.Ancestors().Count() >= MaxDepth) ? [CapProblem.Whole(InvalidCap.TooDeep(MaxDepth))] : [];
    }

    /// <summary>Schema errors, each with its line and element. Warnings are not problems: a signature is checked laxly by the schema and fully by <see cref="CapSignature"/>.</summary>
    public static void Validate(XDocument document, StandardSchema schema, List<CapProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(problems);
        document.Validate(schema.Set, (sender, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                var element = sender as XElement ?? (sender as XAttribute)?.Parent;
                problems.Add(new(element is null ? "" : schema.PathOf(element), InvalidCap.AgainstSchema(
                    sender is IXmlLineInfo at && at.HasLineInfo() ? at.LineNumber : null, element?.Name.LocalName ?? "schema", schema.Name, e.Message)));
            }
        });
    }

    /// <summary>
    /// An alert embedded in something else (an Atom entry, an EDXL-DE envelope) as a document of its own, as its
    /// sender wrote it: the namespace declarations it uses from its container are carried onto it, nothing else is
    /// changed (whitespace included), so its signature checks and the same import reads it.
    /// </summary>
    public static string Standalone(XElement alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Parent is null)
        {
            return alert.ToString(SaveOptions.DisableFormatting);
        }

        var copy = new XElement(alert);
        var declared = copy.Attributes().Where(a => a.IsNamespaceDeclaration).Select(Prefix).ToHashSet(StringComparer.Ordinal);
        var used = alert.DescendantsAndSelf().SelectMany(e => e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Name.NamespaceName).Append(e.Name.NamespaceName))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var declaration in alert.Ancestors().SelectMany(a => a.Attributes()).Where(a => a.IsNamespaceDeclaration))
        {
            // The nearest declaration of a prefix is the one in scope; only those the message uses are carried.
            if (declared.Add(Prefix(declaration)) && used.Contains(declaration.Value))
            {
                copy.Add(new XAttribute(declaration.Name, declaration.Value));
            }
        }

        return copy.ToString(SaveOptions.DisableFormatting);

        static string Prefix(XAttribute declaration) => declaration.Name.Namespace == XNamespace.None ? "" : declaration.Name.LocalName;
    }

    /// <summary>CAP 1.2's own rules the schema cannot express (OASIS CAP 1.2 section 3).</summary>
    private static IEnumerable<CapProblem> RulesBeyondTheSchema(XElement alert, StandardSchema schema)
    {
        string? Value(string name) => alert.Element(CapAlerts.Cap + name)?.Value;
        foreach (var name in new[] { "identifier", "sender" })
        {
            if (Value(name) is { } value && value.AsSpan().IndexOfAny(" ,<&") >= 0)
            {
                yield return new(name, InvalidCap.NoSpacesOrCommas(name));
            }
        }

        foreach (var time in alert.Descendants().Where(e => e.Name.LocalName is "sent" or "effective" or "onset" or "expires"))
        {
            if (time.Value.EndsWith('Z') || time.Value.EndsWith('z'))
            {
                yield return new(schema.PathOf(time), InvalidCap.TimeWithZ(time.Name.LocalName));
            }
        }

        if (Value("scope") == "Restricted" && string.IsNullOrWhiteSpace(Value("restriction")))
        {
            yield return new("restriction", InvalidCap.RestrictionRequired);
        }

        if (Value("scope") == "Private" && string.IsNullOrWhiteSpace(Value("addresses")))
        {
            yield return new("addresses", InvalidCap.AddressesRequired);
        }

        if (Value("msgType") is "Update" or "Cancel" && string.IsNullOrWhiteSpace(Value("references")))
        {
            yield return new("references", InvalidCap.ReferencesRequired(Value("msgType")!));
        }
    }
}
