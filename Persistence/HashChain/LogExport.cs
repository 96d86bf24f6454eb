using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Coordination.Agencies.Contracts.Seals;

namespace Coordination.Persistence.HashChain;

/// <summary>
/// An export of the log as JSON lines (<c>coordination-log-export-v1</c>): a header line, then one line per entry
/// exactly as stored (its text as stored, so a reader can hash it again, and its hashes in hex), then one line per
/// seal covering the range. Each line is one JSON object whose <c>kind</c> says which. What a partner's verifier reads.
/// </summary>
public sealed class LogExport(Stream output) : IAsyncDisposable
{
    public const string Format = "coordination-log-export-v1";

    private const int FlushAt = 64 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        // Arabic stays readable in the file; the text read back is the same either way.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt * 2);
    private Utf8JsonWriter? _writer;

    public Task WriteHeaderAsync(long first, long last, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        var w = Begin();
        w.WriteString("kind", "header");
        w.WriteString("format", Format);
        w.WriteNumber("from", first);
        w.WriteNumber("to", last);
        w.WriteString("exportedAt", exportedAt);
        return EndAsync(cancellationToken);
    }

    public Task WriteEntryAsync(StoredRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var w = Begin();
        w.WriteString("kind", "entry");
        w.WriteNumber("position", row.Position);
        w.WriteString("incidentId", row.IncidentId.ToString("D"));
        w.WriteNumber("version", row.Version);
        w.WriteString("eventId", row.EventId.ToString("D"));
        w.WriteString("type", row.Type);
        w.WriteString("data", row.Data);
        w.WriteString("metadata", row.Metadata);
        w.WriteNumber("recordedAt", row.RecordedAt);
        w.WriteString("prevHash", Convert.ToHexStringLower(row.PrevHash));
        w.WriteString("hash", Convert.ToHexStringLower(row.Hash));
        return EndAsync(cancellationToken);
    }

    public Task WriteSealAsync(LogSealed seal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var w = Begin();
        w.WriteString("kind", "seal");
        w.WriteNumber("position", seal.Position);
        w.WriteString("headHash", seal.HeadHash);
        w.WriteString("sealedAt", seal.SealedAt);
        w.WriteString("keyId", seal.KeyId);
        w.WriteString("signature", seal.Signature);
        return EndAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_buffer.WrittenCount > 0)
        {
            await output.WriteAsync(_buffer.WrittenMemory);
            _buffer.ResetWrittenCount();
        }

        await output.FlushAsync();
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }

    private Utf8JsonWriter Begin()
    {
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer, Options);
        }
        else
        {
            _writer.Reset(_buffer);
        }

        _writer.WriteStartObject();
        return _writer;
    }

    private async Task EndAsync(CancellationToken cancellationToken)
    {
        _writer!.WriteEndObject();
        _writer.Flush();
        _buffer.Write("\n"u8);
        if (_buffer.WrittenCount >= FlushAt)
        {
            await output.WriteAsync(_buffer.WrittenMemory, cancellationToken);
            _buffer.ResetWrittenCount();
        }
    }
}
