using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

// dotnet run --project Verifier -- export.jsonl --key hub-public.pem [--key old-key.pem] [--seals client-seals.json]
return Coordination.Verifier.ExportVerifier.Run(args, Console.Out);

namespace Coordination.Verifier
{
    /// <summary>
    /// Proves an export of the coordination hub's log complete and unaltered, offline, with the hub's public keys:
    /// each entry's hash is computed again from its fields and chained to the one before it, and every seal (those
    /// the export carries, the seal entries inside it, and those a client kept) must be signed by a given key and name
    /// the hash the export's entries compute to at its position. Everything a partner needs is in this one file.
    /// </summary>
    public static class ExportVerifier
    {
        /// <summary>The export's format (its header line's <c>format</c>).</summary>
        public const string ExportFormat = "coordination-log-export-v1";

        /// <summary>The first field of a seal's signed text.</summary>
        public const string SealFormat = "coordination-seal-v1";

        private const string Usage = "usage: Coordination.Verifier EXPORT.jsonl --key PUBLIC-KEYS.pem [--key MORE.pem] [--seals CLIENT-SEALS.json]";

        /// <summary>Runs the command: 0 when the export is proven, 1 when it is not (naming the first position that is not), 2 for a misused command.</summary>
        public static int Run(string[] args, TextWriter output)
        {
            ArgumentNullException.ThrowIfNull(args);
            ArgumentNullException.ThrowIfNull(output);
            string? exportPath = null;
            var keyPaths = new List<string>();
            var sealPaths = new List<string>();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--key" when i + 1 < args.Length:
                        keyPaths.Add(args[++i]);
                        break;
                    case "--seals" when i + 1 < args.Length:
                        sealPaths.Add(args[++i]);
                        break;
                    case var path when exportPath is null && !path.StartsWith("--", StringComparison.Ordinal):
                        exportPath = path;
                        break;
                    default:
                        output.WriteLine(Usage);
                        return 2;
                }
            }

            if (exportPath is null || keyPaths.Count == 0)
            {
                output.WriteLine(Usage);
                return 2;
            }

            Dictionary<string, ECDsa> keys;
            var kept = new List<Seal>();
            try
            {
                keys = keyPaths.SelectMany(p => ReadKeys(File.ReadAllText(p))).GroupBy(k => k.Id).ToDictionary(g => g.Key, g => g.First().Key);
                foreach (var path in sealPaths)
                {
                    kept.AddRange(ReadSeals(File.ReadAllText(path), "the seals file"));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or CryptographicException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                output.WriteLine($"cannot read the keys or seals: {ex.Message}");
                output.WriteLine($"تعذّرت قراءة المفاتيح أو الأختام: {ex.Message}");
                return 2;
            }

            if (keys.Count == 0)
            {
                output.WriteLine("no public key (-----BEGIN PUBLIC KEY-----) in the --key files");
                output.WriteLine("لا يوجد مفتاح عام في ملفات --key");
                return 2;
            }

            Report report;
            try
            {
                using var export = File.OpenRead(exportPath);
                report = Verify(export, keys, kept);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                output.WriteLine($"cannot read the export: {ex.Message}");
                output.WriteLine($"تعذّرت قراءة ملف التصدير: {ex.Message}");
                return 2;
            }

            output.WriteLine(report.English);
            output.WriteLine(report.Arabic);
            return report.Ok ? 0 : 1;
        }

        /// <summary>The public keys in a PEM text (one or more <c>PUBLIC KEY</c> blocks), each with its key id.</summary>
        public static IEnumerable<(string Id, ECDsa Key)> ReadKeys(string pem)
        {
            ArgumentNullException.ThrowIfNull(pem);
            var rest = pem.AsMemory();
            while (PemEncoding.TryFind(rest.Span, out var found))
            {
                if (rest.Span[found.Label].SequenceEqual("PUBLIC KEY"))
                {
                    var der = Convert.FromBase64String(rest.Span[found.Base64Data].ToString());
                    var key = ECDsa.Create();
                    key.ImportSubjectPublicKeyInfo(der, out _);
                    yield return (KeyId(der), key);
                }

                rest = rest[found.Location.End..];
            }
        }

        /// <summary>A key's id: the first 16 lower-case hex digits of the SHA-256 of its SubjectPublicKeyInfo (DER).</summary>
        public static string KeyId(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

        /// <summary>Seals from a JSON array (what a client keeps) or a <c>{"seals": [...]}</c> object.</summary>
        public static IEnumerable<Seal> ReadSeals(string json, string source)
        {
            using var document = JsonDocument.Parse(json);
            var array = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.GetProperty("seals") : document.RootElement;
            return array.EnumerateArray().Select(s => ReadSeal(s, source)).ToList();
        }

        /// <summary>Checks an export; the first problem found ends the check.</summary>
        public static Report Verify(Stream export, IReadOnlyDictionary<string, ECDsa> keys, IReadOnlyList<Seal> kept)
        {
            ArgumentNullException.ThrowIfNull(keys);
            ArgumentNullException.ThrowIfNull(kept);
            using var reader = new StreamReader(export, Encoding.UTF8);
            var header = reader.ReadLine();
            long from, to;
            try
            {
                using var h = JsonDocument.Parse(header ?? "");
                if (h.RootElement.GetProperty("kind").GetString() != "header" || h.RootElement.GetProperty("format").GetString() != ExportFormat)
                {
                    return Report.NotAnExport();
                }

                (from, to) = (h.RootElement.GetProperty("from").GetInt64(), h.RootElement.GetProperty("to").GetInt64());
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return Report.NotAnExport();
            }

            if (from < 1 || to < from)
            {
                return Report.NotAnExport();
            }

            // The hash each position computes to, for the seals (32 bytes an entry).
            var hashes = new byte[checked((int)((to - from + 1) * 32))];
            var seals = new List<Seal>(kept);
            var expected = from;
            var previous = new byte[32];
            try
            {
                return Walk(reader, from, to, keys, seals, hashes, previous, ref expected);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return Report.Bad(expected, $"its line cannot be read ({ex.Message})", $"تعذّرت قراءة سطره ({ex.Message})");
            }
        }

        private static Report Walk(StreamReader reader, long from, long to, IReadOnlyDictionary<string, ECDsa> keys, List<Seal> seals, byte[] hashes, byte[] previous, ref long expected)
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var item = document.RootElement;
                switch (item.GetProperty("kind").GetString())
                {
                    case "seal":
                        seals.Add(ReadSeal(item, "the export"));
                        continue;
                    case "entry":
                        break;
                    default:
                        return Report.NotAnExport();
                }

                var position = item.GetProperty("position").GetInt64();
                if (position > to)
                {
                    return Report.Bad(position, $"it lies beyond the end the export's header names ({to})", $"يقع بعد النهاية التي يذكرها رأس الملف ({to})");
                }

                if (position != expected)
                {
                    return position > expected
                        ? Report.Bad(expected, $"it is missing (the next entry in the export is {position})", $"مفقود (المدخل التالي في الملف هو {position})")
                        : Report.Bad(position, "it comes again, or out of order", "مكرر أو في غير ترتيبه");
                }

                var prevHash = Convert.FromHexString(item.GetProperty("prevHash").GetString()!);
                // The first entry of an export from later than 1 chains to an entry outside it: its seals vouch for it.
                if ((position > from || position == 1) && !prevHash.AsSpan().SequenceEqual(previous))
                {
                    return Report.Bad(position, "its previous hash is not the hash of the entry before it", "تجزئته السابقة ليست تجزئة المدخل الذي قبله");
                }

                var computed = Hash(prevHash, item);
                if (!Convert.FromHexString(item.GetProperty("hash").GetString()!).AsSpan().SequenceEqual(computed))
                {
                    return Report.Bad(position, "its content does not match its hash (the entry was changed)", "محتواه لا يطابق تجزئته (عُدّل المدخل)");
                }

                computed.CopyTo(hashes, (position - from) * 32);
                previous = computed;
                if (item.GetProperty("type").GetString() == "LogSealed")
                {
                    // A seal entry inside the export is a seal too (its own seal line may have been removed).
                    using var data = JsonDocument.Parse(item.GetProperty("data").GetString()!);
                    seals.Add(ReadSeal(data.RootElement, $"entry {position}"));
                }

                expected++;
            }

            if (expected <= to)
            {
                return Report.Bad(expected, $"it is missing (the export ends at {expected - 1}; its header says {to})", $"مفقود (ينتهي الملف عند {expected - 1} ورأسه يقول {to})");
            }

            return CheckSeals(from, to, hashes, seals, keys);
        }

        private static Report CheckSeals(long from, long to, byte[] hashes, List<Seal> all, IReadOnlyDictionary<string, ECDsa> keys)
        {
            var within = all.Where(s => s.Position >= from && s.Position <= to).OrderBy(s => s.Position).ToList();
            var matching = new List<Seal>();
            Seal? firstMismatch = null;
            foreach (var seal in within)
            {
                if (!keys.TryGetValue(seal.KeyId, out var key))
                {
                    return Report.Bad(seal.Position, $"its seal (from {seal.Source}) names key {seal.KeyId}, which is not among the keys given (--key)",
                        $"ختمه (من {seal.SourceAr}) يذكر المفتاح {seal.KeyId}، وهو ليس بين المفاتيح المعطاة (--key)");
                }

                if (!key.VerifyData(Encoding.UTF8.GetBytes(seal.CanonicalText()), Convert.FromBase64String(seal.Signature), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                {
                    return Report.Bad(seal.Position, $"its seal (from {seal.Source}) is not signed by key {seal.KeyId}: it was forged or changed",
                        $"ختمه (من {seal.SourceAr}) غير موقّع بالمفتاح {seal.KeyId}: مزوّر أو معدّل");
                }

                if (Convert.ToHexStringLower(hashes.AsSpan((int)(seal.Position - from) * 32, 32)) == seal.HeadHash)
                {
                    matching.Add(seal);
                }
                else
                {
                    firstMismatch ??= seal;
                }
            }

            if (firstMismatch is { } bad)
            {
                // The chain holds, so the hashes were computed again: the rewrite began after the last position a matching seal fixes.
                var confirmed = matching.Where(s => s.Position < bad.Position).Select(s => s.Position).DefaultIfEmpty(from - 1).Max();
                return Report.Bad(confirmed + 1,
                    $"the seal for position {bad.Position} (from {bad.Source}, signed {bad.SealedAt:O} by key {bad.KeyId}) names hash {bad.HeadHash}, which the export's entries do not reach: the entries after position {confirmed} were rewritten, their hashes computed again",
                    $"ختم الموضع {bad.Position} (من {bad.SourceAr}، موقّع {bad.SealedAt:O} بالمفتاح {bad.KeyId}) يذكر تجزئة لا تصل إليها مدخلات الملف: أعيدت كتابة المدخلات بعد الموضع {confirmed} وحُسبت تجزئاتها من جديد");
            }

            var last = matching.Count == 0 ? null : matching[^1];
            if (last is null || last.Position < to)
            {
                var start = last is null ? from : last.Position + 1;
                return Report.Bad(start, $"no seal covers positions {start} to {to}: they are chained, but nothing the hub signed proves them",
                    $"لا ختم يغطي المواضع من {start} إلى {to}: هي متسلسلة، لكن لا شيء وقّعه المركز يثبتها");
            }

            var fromClient = matching.Count(s => s.Source == "the seals file");
            return new Report(true, null,
                $"OK: positions {from} to {to} are complete and unaltered ({to - from + 1} entries); sealed at {to} on {last.SealedAt:O} by key {last.KeyId}; {matching.Count} seals checked, {fromClient} of them from the seals file",
                $"سليم: المواضع من {from} إلى {to} كاملة وغير معدّلة ({to - from + 1} مدخلاً)؛ مختومة عند {to} في {last.SealedAt:O} بالمفتاح {last.KeyId}؛ فُحص {matching.Count} ختماً، منها {fromClient} من ملف الأختام");
        }

        /// <summary>
        /// An entry's hash: SHA-256 of its previous hash (32 bytes) followed by position, incident id, version, event id,
        /// type, data, metadata and recordedAt; integers as 8 bytes big-endian, texts (ids in their 36-character
        /// lower-case form) as their UTF-8 bytes after a 4-byte big-endian length.
        /// </summary>
        public static byte[] Hash(byte[] previousHash, JsonElement entry)
        {
            ArgumentNullException.ThrowIfNull(previousHash);
            using var bytes = new MemoryStream();
            bytes.Write(previousHash);
            WriteInt64(bytes, entry.GetProperty("position").GetInt64());
            WriteText(bytes, Guid.Parse(entry.GetProperty("incidentId").GetString()!).ToString("D"));
            WriteInt64(bytes, entry.GetProperty("version").GetInt64());
            WriteText(bytes, Guid.Parse(entry.GetProperty("eventId").GetString()!).ToString("D"));
            WriteText(bytes, entry.GetProperty("type").GetString()!);
            WriteText(bytes, entry.GetProperty("data").GetString()!);
            WriteText(bytes, entry.GetProperty("metadata").GetString()!);
            WriteInt64(bytes, entry.GetProperty("recordedAt").GetInt64());
            return SHA256.HashData(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        }

        private static void WriteInt64(Stream bytes, long value)
        {
            Span<byte> buffer = stackalloc byte[8];
            BinaryPrimitives.WriteInt64BigEndian(buffer, value);
            bytes.Write(buffer);
        }

        private static void WriteText(Stream bytes, string text)
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, utf8.Length);
            bytes.Write(length);
            bytes.Write(utf8);
        }

        private static Seal ReadSeal(JsonElement seal, string source) => new(
            Member(seal, "position", source).GetInt64(),
            Member(seal, "headHash", source).GetString()!,
            Member(seal, "sealedAt", source).GetDateTimeOffset(),
            Member(seal, "keyId", source).GetString()!,
            Member(seal, "signature", source).GetString()!,
            source);

        /// <summary>
        /// A seal's member by its name in any letter case: a client's seals saved with .NET's default serialisation are
        /// written <c>Position</c>, <c>HeadHash</c>..., and are the same seals.
        /// </summary>
        private static JsonElement Member(JsonElement seal, string name, string source)
        {
            if (seal.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in seal.EnumerateObject())
                {
                    if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return member.Value;
                    }
                }
            }

            throw new FormatException($"a seal in {source} has no \"{name}\" (a seal is {{position, headHash, sealedAt, keyId, signature}})");
        }
    }

    /// <summary>A seal: the hub's signature over <see cref="CanonicalText"/>.</summary>
    public sealed record Seal(long Position, string HeadHash, DateTimeOffset SealedAt, string KeyId, string Signature, string Source)
    {
        /// <summary>Where the seal was read, in Arabic: the export's seal lines, an entry inside it, or the seals file.</summary>
        public string SourceAr => Source switch
        {
            "the export" => "ملف التصدير",
            "the seals file" => "ملف الأختام",
            _ when Source.StartsWith("entry ", StringComparison.Ordinal) => $"المدخل {Source["entry ".Length..]}",
            _ => Source,
        };

        /// <summary><c>coordination-seal-v1|position|headHash|sealedAt as Unix milliseconds|keyId</c>, signed as UTF-8.</summary>
        public string CanonicalText() => string.Join('|', ExportVerifier.SealFormat, Position.ToString(CultureInfo.InvariantCulture), HeadHash,
            SealedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), KeyId);
    }

    /// <summary>The verdict: proven, or the first position that is not and why, in English and Arabic.</summary>
    public sealed record Report(bool Ok, long? FirstBadPosition, string English, string Arabic)
    {
        public static Report Bad(long position, string why, string whyArabic) =>
            new(false, position, $"BAD at position {position}: {why}", $"خلل عند الموضع {position}: {whyArabic}");

        public static Report NotAnExport() =>
            new(false, null, $"BAD: not an export of the log (its first line must be a {ExportVerifier.ExportFormat} header)", $"خلل: ليس ملف تصدير للسجل (سطره الأول رأس {ExportVerifier.ExportFormat})");
    }
}
