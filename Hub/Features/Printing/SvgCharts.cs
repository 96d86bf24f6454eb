using System.Globalization;
using System.Text;
using static Coordination.Hub.Features.Printing.PrintablePage;

namespace Coordination.Hub.Features.Printing;

/// <summary>Charts for printable pages, drawn as plain inline SVG (no script, nothing fetched), mirrored for right to left.</summary>
public static class SvgCharts
{
    /// <summary>A bar filling <paramref name="share"/> (0 to 1) of its cell, from the start side of the line.</summary>
    public static string Bar(double share, bool rightToLeft, string label)
    {
        var width = Math.Clamp(share, 0, 1) * 100;
        var x = rightToLeft ? 100 - width : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{E(label)}\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"10\"/><rect class=\"fill\" x=\"{x:0.##}\" y=\"0\" width=\"{width:0.##}\" height=\"10\"/></svg>");
    }

    /// <summary>Columns of counts with a label under each, in reading order (the first on the right in Arabic).</summary>
    public static string Columns(IReadOnlyList<(string Label, int Count)> columns, bool rightToLeft, string title)
    {
        ArgumentNullException.ThrowIfNull(columns);
        const int width = 60, height = 120, top = 16, baseline = 100;
        var max = Math.Max(1, columns.Count == 0 ? 0 : columns.Max(c => c.Count));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"columns\" viewBox=\"0 0 {columns.Count * width} {height}\" role=\"img\" aria-label=\"{E(title)}\">");
        for (var i = 0; i < columns.Count; i++)
        {
            var (label, count) = columns[i];
            var slot = rightToLeft ? columns.Count - 1 - i : i;
            var tall = (baseline - top) * count / (double)max;
            var x = slot * width;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"fill\" x=\"{x + 8}\" y=\"{baseline - tall:0.##}\" width=\"{width - 16}\" height=\"{tall:0.##}\"/>" +
                $"<text x=\"{x + width / 2}\" y=\"{baseline - tall - 3:0.##}\" text-anchor=\"middle\">{Number(count)}</text>" +
                $"<text x=\"{x + width / 2}\" y=\"{baseline + 14}\" text-anchor=\"middle\">{E(label)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Stacked bars, one line per item, each segment a share of the line's whole with its own class (e.g. met, late,
    /// missed), from the start side of the line.
    /// </summary>
    public static string Stacked(IReadOnlyList<(string Label, IReadOnlyList<(string Class, int Count)> Segments)> lines, bool rightToLeft, string title)
    {
        ArgumentNullException.ThrowIfNull(lines);
        const int labelWidth = 220, barWidth = 300, row = 18;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"stacked\" viewBox=\"0 0 {labelWidth + barWidth} {Math.Max(1, lines.Count) * row}\" role=\"img\" aria-label=\"{E(title)}\">");
        for (var i = 0; i < lines.Count; i++)
        {
            var (label, segments) = lines[i];
            var whole = Math.Max(1, segments.Sum(s => s.Count));
            var y = i * row;
            var labelX = rightToLeft ? labelWidth + barWidth - 4 : 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX}\" y=\"{y + 13}\" text-anchor=\"start\">{E(label)}</text>");
            var offset = 0.0;
            foreach (var (cls, count) in segments)
            {
                var width = barWidth * count / (double)whole;
                var x = rightToLeft ? barWidth - offset - width : labelWidth + offset;
                if (count > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect class=\"{cls}\" x=\"{x:0.##}\" y=\"{y + 3}\" width=\"{width:0.##}\" height=\"{row - 6}\"/><text class=\"count\" x=\"{x + width / 2:0.##}\" y=\"{y + 13}\" text-anchor=\"middle\">{Number(count)}</text>");
                }

                offset += width;
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// A timeline of expected against actual, one line per expected action: a mark at its deadline and, when it was done, a
    /// dot at that time joined to the deadline, classed by its outcome; time runs from the start side of the line.
    /// </summary>
    public static string Timeline(IReadOnlyList<(string Label, double? Due, double? Done, string Outcome)> lines, double span, bool rightToLeft, string title)
    {
        ArgumentNullException.ThrowIfNull(lines);
        const int labelWidth = 260, plot = 320, row = 16, axis = 18, pad = 16;
        var length = Math.Max(1, span);
        // The plot keeps a margin at each end so the first and last ticks are whole.
        double X(double minutes) => (rightToLeft ? pad : labelWidth) + ((plot - (2 * pad)) * (rightToLeft ? 1 - (Math.Clamp(minutes, 0, length) / length) : Math.Clamp(minutes, 0, length) / length));
        var height = (lines.Count * row) + axis;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"timeline\" viewBox=\"0 0 {labelWidth + plot + 8} {height}\" role=\"img\" aria-label=\"{E(title)}\">");
        for (var i = 0; i < lines.Count; i++)
        {
            var (label, due, done, outcome) = lines[i];
            var y = (i * row) + (row / 2);
            var labelX = rightToLeft ? labelWidth + plot + 4 : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX}\" y=\"{y + 4}\" text-anchor=\"start\">{E(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"track\" x1=\"{X(0):0.##}\" x2=\"{X(length):0.##}\" y1=\"{y}\" y2=\"{y}\"/>");
            if (due is { } d)
            {
                if (done is { } actual)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<line class=\"gap {outcome}\" x1=\"{X(d):0.##}\" x2=\"{X(actual):0.##}\" y1=\"{y}\" y2=\"{y}\"/>");
                }

                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"due\" x=\"{X(d) - 1.5:0.##}\" y=\"{y - 6}\" width=\"3\" height=\"12\"/>");
            }

            if (done is { } at)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"done {outcome}\" cx=\"{X(at):0.##}\" cy=\"{y}\" r=\"4\"/>");
            }
        }

        var bottom = lines.Count * row;
        foreach (var tick in Ticks(length))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" direction=\"ltr\" x=\"{X(tick):0.##}\" y=\"{bottom + 13}\" text-anchor=\"middle\">T+{Number(tick)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    // Five ticks or so, on round minutes.
    private static IEnumerable<double> Ticks(double length)
    {
        var step = Math.Max(1, Math.Ceiling(length / 5));
        for (var t = 0.0; t <= length + 0.001; t += step)
        {
            yield return t;
        }
    }
}
