using System.Text;
using System.Xml.Linq;
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
    private static readonly Lazy<StandardSchema> Schema = new(() => new("edxlde-1_0.xsd", IncidentEdxl.Edxl.NamespaceName, "OASIS EDXL-DE 1.0"));

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
                // Which message of the envelope: its place among the CAP alerts, counted from 1, then the element at fault in it.
                var alert = $"alert[{i + 1}]";
                problems.AddRange(ex.Errors.Select(e => new ValidationFailure(
                    e.PropertyName == ImportCap.WholeMessage ? alert : $"{alert}.{e.PropertyName}", $"{InvalidCap.Alert(i + 1)}: {e.ErrorMessage}")));
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
            throw Refused(problem ?? CapProblem.Whole(InvalidCap.NoRoot));
        }

        if (root.Name != IncidentEdxl.Edxl + "EDXLDistribution")
        {
            throw Refused(CapProblem.Whole(InvalidCap.RootElement(root.Name.ToString(), $"{{{IncidentEdxl.Edxl.NamespaceName}}}EDXLDistribution")));
        }

        var problems = new List<CapProblem>(CapReader.Deeper(root));
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
        return alerts.Count > 0 ? (root, alerts) : throw Refused(new CapProblem("contentObject", InvalidCap.NoEmbeddedCap));
    }

    /// <summary>400 naming each problem, keyed by the envelope's element at fault (<c>edxl</c> for the envelope as a whole).</summary>
    private static ValidationException Refused(params CapProblem[] problems) =>
        new(problems.Select(p => new ValidationFailure(p.Field.Length == 0 ? "edxl" : p.Field, Invalid.EdxlNotAcceptable(p.Why).ToString())));
}
