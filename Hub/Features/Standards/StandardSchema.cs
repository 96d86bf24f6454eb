using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// An OASIS schema embedded in the hub (CAP 1.2, EDXL-DE 1.0), compiled once, and how a refusal names an element of a
/// document it checks: by its path below the root, as a refusal's <c>errors</c> key (<c>info[0].severity</c>), each
/// element the schema allows more than once with its place among its like, counted from 0.
/// </summary>
public sealed class StandardSchema
{
    private readonly HashSet<string> _repeatable = new(StringComparer.Ordinal);

    /// <param name="resource">The schema's embedded resource.</param>
    /// <param name="targetNamespace">The namespace it defines.</param>
    /// <param name="name">What people call it (<c>OASIS CAP 1.2</c>).</param>
    public StandardSchema(string resource, string targetNamespace, string name)
    {
        using var stream = typeof(StandardSchema).Assembly.GetManifestResourceStream(resource)!;
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(targetNamespace, reader);
        set.Compile();
        Set = set;
        Name = name;
        var seen = new HashSet<XmlSchemaType>();
        foreach (XmlSchemaElement element in set.GlobalElements.Values)
        {
            Visit(element.ElementSchemaType, seen);
        }

        foreach (XmlSchemaType type in set.GlobalTypes.Values)
        {
            Visit(type, seen);
        }
    }

    public XmlSchemaSet Set { get; }

    public string Name { get; }

    /// <summary>The element's path below the root, steps joined by dots; empty for the root itself.</summary>
    public string PathOf(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var steps = element.AncestorsAndSelf().Reverse().Skip(1).Select(e =>
        {
            var name = e.Name.LocalName;
            return _repeatable.Contains(name) ? $"{name}[{e.ElementsBeforeSelf(e.Name).Count()}]" : name;
        });
        return string.Join('.', steps);
    }

    private void Visit(XmlSchemaType? type, HashSet<XmlSchemaType> seen)
    {
        if (type is XmlSchemaComplexType complex && seen.Add(complex))
        {
            Visit(complex.ContentTypeParticle, repeated: false, seen);
        }
    }

    private void Visit(XmlSchemaParticle? particle, bool repeated, HashSet<XmlSchemaType> seen)
    {
        switch (particle)
        {
            case XmlSchemaElement element:
                if (repeated || element.MaxOccurs > 1)
                {
                    _repeatable.Add(element.QualifiedName.Name);
                }

                Visit(element.ElementSchemaType, seen);
                break;
            case XmlSchemaGroupBase group:
                // A sequence or choice that repeats repeats each element in it.
                foreach (var item in group.Items.OfType<XmlSchemaParticle>())
                {
                    Visit(item, repeated || group.MaxOccurs > 1, seen);
                }

                break;
        }
    }
}
