using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Coordination.Bench.Plot;

/// <summary>
/// The S1 plot: last-delivery latency (p50 and p99, log scale) against the offered rate, drawn into a
/// PNG with no library: a raster, a tiny digit font for the tick labels, zlib from the BCL.
/// Blue: p50; red: p99; grey dashed line: the 1 s p99 limit.
/// </summary>
internal static class LatencyPlot
{
    private const int Width = 720;
    private const int Height = 420;
    private const int Left = 60;
    private const int Right = 20;
    private const int Top = 20;
    private const int Bottom = 40;

    public static void Write(string path, IReadOnlyList<(double Rate, double P50, double P99)> points)
    {
        var image = new Raster(Width, Height);
        image.Fill(0xFFFFFF);
        if (points.Count == 0)
        {
            image.Save(path);
            return;
        }

        var maxRate = NiceCeiling(points.Max(p => p.Rate));
        var minMs = 1.0;
        var maxMs = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(points.Max(p => p.P99), 1_000) * 1.01)));
        int X(double rate) => Left + (int)Math.Round(rate / maxRate * (Width - Left - Right));
        int Y(double ms) => Height - Bottom - (int)Math.Round((Math.Log10(Math.Max(ms, minMs)) - Math.Log10(minMs)) / (Math.Log10(maxMs) - Math.Log10(minMs)) * (Height - Top - Bottom));

        // Grid and tick labels: decades of milliseconds up the side, rates along the bottom.
        for (var ms = minMs; ms <= maxMs; ms *= 10)
        {
            image.Line(Left, Y(ms), Width - Right, Y(ms), 0xE0E0E0);
            Font.Draw(image, ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture), Left - 6, Y(ms) - 3, alignRight: true);
        }

        for (var i = 0; i <= 5; i++)
        {
            var rate = maxRate * i / 5;
            image.Line(X(rate), Top, X(rate), Height - Bottom, 0xE0E0E0);
            Font.Draw(image, rate.ToString("0", System.Globalization.CultureInfo.InvariantCulture), X(rate) - 6, Height - Bottom + 8, alignRight: false);
        }

        image.Line(Left, Top, Left, Height - Bottom, 0x000000);
        image.Line(Left, Height - Bottom, Width - Right, Height - Bottom, 0x000000);
        for (var x = Left; x < Width - Right; x += 8)
        {
            image.Line(x, Y(1_000), x + 4, Y(1_000), 0x808080);
        }

        var ordered = points.OrderBy(p => p.Rate).ToArray();
        Series(image, ordered.Select(p => (X(p.Rate), Y(p.P50))).ToArray(), 0x1F5FBF);
        Series(image, ordered.Select(p => (X(p.Rate), Y(p.P99))).ToArray(), 0xC0262D);
        image.Save(path);
    }

    private static void Series(Raster image, (int X, int Y)[] points, int colour)
    {
        for (var i = 1; i < points.Length; i++)
        {
            image.Line(points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, colour, thick: true);
        }

        foreach (var (x, y) in points)
        {
            image.Box(x - 3, y - 3, 7, 7, colour);
        }
    }

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(value, 1))));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(v => v >= value);
    }

    private sealed class Raster(int width, int height)
    {
        private readonly byte[] _rgb = new byte[width * height * 3];

        public void Fill(int colour)
        {
            for (var i = 0; i < width * height; i++)
            {
                Set(i % width, i / width, colour);
            }
        }

        public void Set(int x, int y, int colour)
        {
            if (x < 0 || y < 0 || x >= width || y >= height)
            {
                return;
            }

            var i = ((y * width) + x) * 3;
            _rgb[i] = (byte)(colour >> 16);
            _rgb[i + 1] = (byte)(colour >> 8);
            _rgb[i + 2] = (byte)colour;
        }

        public void Box(int x, int y, int w, int h, int colour)
        {
            for (var dy = 0; dy < h; dy++)
            {
                for (var dx = 0; dx < w; dx++)
                {
                    Set(x + dx, y + dy, colour);
                }
            }
        }

        /// <summary>Bresenham's line.</summary>
        public void Line(int x0, int y0, int x1, int y1, int colour, bool thick = false)
        {
            int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1, dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1, error = dx + dy;
            while (true)
            {
                if (thick)
                {
                    Box(x0 - 1, y0 - 1, 2, 2, colour);
                }
                else
                {
                    Set(x0, y0, colour);
                }

                if (x0 == x1 && y0 == y1)
                {
                    return;
                }

                var e2 = 2 * error;
                if (e2 >= dy)
                {
                    error += dy;
                    x0 += sx;
                }

                if (e2 <= dx)
                {
                    error += dx;
                    y0 += sy;
                }
            }
        }

        public void Save(string path)
        {
            using var file = File.Create(path);
            file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            header[8] = 8; // bit depth
            header[9] = 2; // truecolour
            Chunk(file, "IHDR", header);
            using var pixels = new MemoryStream();
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // no filter
                    zlib.Write(_rgb, y * width * 3, width * 3);
                }
            }

            Chunk(file, "IDAT", pixels.ToArray());
            Chunk(file, "IEND", []);
        }

        private static void Chunk(Stream stream, string type, byte[] data)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            stream.Write(length);
            var typeBytes = Encoding.ASCII.GetBytes(type);
            stream.Write(typeBytes);
            stream.Write(data);
            BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typeBytes, data));
            stream.Write(length);
        }

        private static uint Crc32(byte[] type, byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in type.Concat(data))
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }
            }

            return ~crc;
        }
    }

    /// <summary>Digits in a 3x5 pixel font, drawn at twice the size.</summary>
    private static class Font
    {
        private static readonly string[] Glyphs =
        [
            "111101101101111", "010110010010111", "111001111100111", "111001111001111", "101101111001001",
            "111100111001111", "111100111101111", "111001001001001", "111101111101111", "111101111001111",
        ];

        public static void Draw(Raster image, string text, int x, int y, bool alignRight)
        {
            var width = (text.Length * 8) - 2;
            var left = alignRight ? x - width : x;
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    continue;
                }

                var glyph = Glyphs[text[i] - '0'];
                for (var p = 0; p < 15; p++)
                {
                    if (glyph[p] == '1')
                    {
                        image.Box(left + (i * 8) + (p % 3 * 2), y + (p / 3 * 2), 2, 2, 0x202020);
                    }
                }
            }
        }
    }
}
