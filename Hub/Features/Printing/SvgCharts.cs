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
}
