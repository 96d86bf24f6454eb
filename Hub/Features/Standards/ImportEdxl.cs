using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// Takes in an OASIS EDXL-DE 1.0 envelope: read the same safe way as a CAP message and checked against the OASIS
/// schema, then each CAP alert it embeds (<c>contentObject/xmlContent/embeddedXMLContent</c>) taken in by
/// <see cref="ImportCap"/>, with its sender's trust and signature, in the envelope's order. Every message is read
/// and checked before the first is applied, so an envelope with one bad message writes nothing; other content an
/// envelope may carry (a non-CAP payload, a link) is not the hub's to act on and is left.
/// </summary>
public sealed class ImportEdxl(ImportCap cap) : IUseCase<ImportEdxl.Envelope, ImportEdxl.Imported>
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        using var stream = typeof(ImportEdxl).Assembly.GetManifestResourceStream("edxlde-1_0.xsd")!;
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(IncidentEdxl.Edxl.NamespaceName, reader);
        set.Compile();
        return set;
    });

    /// <summary>The envelope as received (its declared encoding is honoured).</summary>
    public sealed record Envelope(byte[] Body);

    /// <summary>The envelope's id and what each CAP message in it became, in its order.</summary>
    public sealed record Imported(string DistributionId, IReadOnlyList<ImportCap.Imported> Messages);

    public Policy Policy => Policies.ReportIncident;

    public async Task<Imported> HandleAsync(Caller caller, Envelope request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (root, alerts) = Unwrap(request.Body);
        var prepared = new List<ImportCap.Prepared>();
        var problems = new List<ValidationFailure>();
        for (var i = 0; i < alerts.Count; i++)
        {
            try
            {
                prepared.Add(cap.Prepare(new ImportCap.Message(Encoding.UTF8.GetBytes(CapReader.Standalone(alerts[i])))));
            }
            catch (ValidationException ex)
            {
                // Which message of the envelope: its place among the CAP alerts, counted from 1.
                problems.AddRange(ex.Errors.Select(e => new ValidationFailure($"alert[{i + 1}]", $"alert {i + 1}: {e.ErrorMessage}")));
            }
        }

        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        var imported = new List<ImportCap.Imported>();
        foreach (var message in prepared)
        {
            imported.Add(await cap.ApplyAsync(caller, message, cancellationToken));
        }

        return new Imported(root.Element(IncidentEdxl.Edxl + "distributionID")!.Value, imported);
    }

    /// <summary>The envelope's root and the CAP alerts it embeds, or the refusal naming why not.</summary>
    public static (XElement Root, IReadOnlyList<XElement> Alerts) Unwrap(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        var (document, problem) = CapReader.Load(stream);
        if (document?.Root is not { } root)
        {
            throw Refused(problem ?? "no root element");
        }

        if (root.Name != IncidentEdxl.Edxl + "EDXLDistribution")
        {
            throw Refused($"the root element is {root.Name}, not {{{IncidentEdxl.Edxl.NamespaceName}}}EDXLDistribution");
        }

        var problems = new List<string>(CapReader.Deeper(root));
        if (problems.Count == 0)
        {
            CapReader.Validate(document, Schema.Value, problems);
        }

        if (problems.Count > 0)
        {
            throw Refused([.. problems]);
        }

        var alerts = root.Elements(IncidentEdxl.Edxl + "contentObject").Elements(IncidentEdxl.Edxl + "xmlContent")
            .Elements(IncidentEdxl.Edxl + "embeddedXMLContent").Elements(CapAlerts.Cap + "alert").ToList();
        return alerts.Count > 0 ? (root, alerts) : throw Refused("it embeds no CAP 1.2 alert (contentObject/xmlContent/embeddedXMLContent)");
    }

    private static ValidationException Refused(params string[] problems) =>
        new(problems.Select(p => new ValidationFailure("edxl", Invalid.EdxlNotAcceptable(p).ToString())));
}
