using System.Globalization;
using System.Text;
using Coordination.Hub.Features.Printing;
using static Coordination.Hub.Features.Printing.PrintablePage;

namespace Coordination.Hub.Features.Evaluation;

/// <summary>
/// The periodic report (or an exercise's figures) laid out for the coordination meeting's paper: the whole with the
/// previous period beside it, how long acknowledgements took, each agency's share in time as bars, then the tables per
/// agency, hazard and district, in one language.
/// </summary>
public static class EvaluationReportPage
{
    public static PrintablePage Of(EvaluationReport report, bool arabic, string preparedBy)
    {
        ArgumentNullException.ThrowIfNull(report);
        string L(string english, string arabicText) => arabic ? arabicText : english;
        var title = L("Evaluation report", "تقرير التقييم");
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<header><h1>{E(title)}</h1>");
        if (report.Exercise is { } exercise)
        {
            body.Append("<p class=\"exercise\">EXERCISE / تمرين</p>");
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"scope\">{E(L("Exercise", "التمرين"))}: {E(arabic ? exercise.TitleAr : exercise.TitleEn)}</p>");
        }
        else if (report.Period is { } period)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"scope\">{E(PeriodName(period.Kind, arabic))}: {Dates(period)}");
            if (report.PreviousPeriod is { } previous)
            {
                body.Append(CultureInfo.InvariantCulture, $" — {E(L("compared with", "مقارنة بـ"))} {Dates(previous)}");
            }

            body.Append("</p>");
        }

        body.Append(CultureInfo.InvariantCulture,
            $"<p class=\"muted\">{E(L("As of", "حتى"))} <span dir=\"ltr\">{E(report.AsOf.ToOffset(EvaluationPeriod.LibyaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</span> ({E(L("Libya time", "بتوقيت ليبيا"))}) · {E(L("Prepared by", "أعدّه"))} {E(preparedBy)}</p></header>");

        Summary(body, report, arabic);
        body.Append(CultureInfo.InvariantCulture, $"<section class=\"charts\"><h2>{E(L("Time to acknowledge", "زمن تأكيد الاستلام"))}</h2>");
        body.Append(SvgCharts.Columns([.. report.AcknowledgementTimes.Select(s => (SpanLabel(s, arabic), s.Count))], arabic,
            L("Acknowledged alerts by time taken", "التنبيهات المؤكَّدة حسب الزمن المستغرق")));
        body.Append("</section>");
        Table(body, L("Per agency", "حسب الجهة"), L("Agency", "الجهة"), report.Agencies, arabic, bars: true);
        Table(body, L("Per hazard", "حسب نوع الخطر"), L("Hazard", "الخطر"), report.Hazards, arabic, bars: false);
        Table(body, L("Per district", "حسب المنطقة"), L("District", "المنطقة"), report.Districts, arabic, bars: false);
        var name = report.Exercise is { } x ? x.TitleEn : report.Period is { } p ? $"{p.First:yyyy-MM-dd} / {p.Last:yyyy-MM-dd}" : "";
        return new PrintablePage($"{title} — {name}", arabic, body.ToString());
    }

    /// <summary>A duration as minutes and seconds (hours too beyond one), the same in both languages.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } s)
        {
            return "—";
        }

        var span = TimeSpan.FromSeconds(Math.Round(s));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");
    }

    private static void Summary(StringBuilder body, EvaluationReport report, bool arabic)
    {
        string L(string english, string arabicText) => arabic ? arabicText : english;
        var total = report.Total;
        var compared = total.Previous is not null;
        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(L("All agencies", "كل الجهات"))}</h2><table class=\"summary\"><thead><tr><th scope=\"col\">{E(L("Figure", "المؤشر"))}</th><th scope=\"col\">{E(L("This period", "هذه الفترة"))}</th>");
        if (compared)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(L("Previous period", "الفترة السابقة"))}</th><th scope=\"col\">{E(L("Change", "التغيّر"))}</th>");
        }

        body.Append("</tr></thead><tbody>");
        var now = total.Current;
        var before = total.Previous;
        var change = total.Change;
        void Row(string label, string current, string? previous, string? delta)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(label)}</th><td>{current}</td>");
            if (compared)
            {
                body.Append(CultureInfo.InvariantCulture, $"<td>{previous}</td><td dir=\"ltr\">{delta}</td>");
            }

            body.Append("</tr>");
        }

        Row(L("Alerts received", "التنبيهات المستلمة"), Number(now.Alerts), before is null ? null : Number(before.Alerts), Signed(change?.Alerts));
        Row(L("Acknowledged in time", "أُكّد استلامها في الوقت"), Percent(now.InTimePercent), before is null ? null : Percent(before.InTimePercent), Signed(change?.InTimePercentPoints, " pp"));
        Row(L("Acknowledged late", "أُكّد استلامها متأخرة"), Number(now.AcknowledgedLate), before is null ? null : Number(before.AcknowledgedLate), Signed(change?.AcknowledgedLate));
        Row(L("Missed acknowledgements", "تنبيهات لم يُؤكَّد استلامها"), Number(now.Missed), before is null ? null : Number(before.Missed), Signed(change?.Missed));
        Row(L("Median time to acknowledge", "وسيط زمن التأكيد"), Duration(now.MedianSecondsToAcknowledge), before is null ? null : Duration(before.MedianSecondsToAcknowledge), SignedDuration(change?.MedianSecondsToAcknowledge));
        Row(L("90th percentile time to acknowledge", "المئين التسعون لزمن التأكيد"), Duration(now.P90SecondsToAcknowledge), before is null ? null : Duration(before.P90SecondsToAcknowledge), SignedDuration(change?.P90SecondsToAcknowledge));
        Row(L("Tasks completed on time", "مهام أُنجزت في وقتها"), Ratio(now.TasksOnTime, now.Tasks), before is null ? null : Ratio(before.TasksOnTime, before.Tasks), Signed(change?.TasksOnTime));
        Row(L("Tasks overdue", "مهام متأخرة عن موعدها"), Number(now.TasksOverdue), before is null ? null : Number(before.TasksOverdue), Signed(change?.TasksOverdue));
        body.Append("</tbody></table></section>");
    }

    private static void Table(StringBuilder body, string heading, string what, IReadOnlyList<EvaluationLine> lines, bool arabic, bool bars)
    {
        string L(string english, string arabicText) => arabic ? arabicText : english;
        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(heading)}</h2>");
        if (lines.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(L("Nothing in this period.", "لا شيء في هذه الفترة."))}</p></section>");
            return;
        }

        body.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th scope=\"col\">{E(what)}</th>");
        foreach (var column in (string[])[L("Alerts", "التنبيهات"), L("In time", "في الوقت"), L("Late", "متأخرة"), L("Missed", "فائتة"),
            L("In time %", "نسبة في الوقت"), L("Median", "الوسيط"), L("90th pct.", "المئين 90"), L("First update", "أول تحديث"),
            L("Tasks on time / late / overdue", "المهام: في الوقت / متأخرة / فات موعدها"), L("Trend", "الاتجاه")])
        {
            body.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(column)}</th>");
        }

        body.Append("</tr></thead><tbody>");
        foreach (var line in lines)
        {
            var f = line.Current;
            var name = arabic ? line.NameAr : line.NameEn;
            var share = f.InTimePercent is { } pct ? Percent(pct) : "—";
            var shareCell = bars && f.InTimePercent is { } p ? $"{share}{SvgCharts.Bar(p / 100, arabic, $"{name}: {share}")}" : share;
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><th scope=\"row\">{E(name)}</th><td>{Number(f.Alerts)}</td><td>{Number(f.AcknowledgedInTime)}</td><td>{Number(f.AcknowledgedLate)}</td><td>{Number(f.Missed)}</td>" +
                $"<td class=\"share\">{shareCell}</td><td>{Duration(f.MedianSecondsToAcknowledge)}</td><td>{Duration(f.P90SecondsToAcknowledge)}</td><td>{Duration(f.MedianSecondsToFirstUpdate)}</td>" +
                $"<td><span dir=\"ltr\">{Number(f.TasksOnTime)} / {Number(f.TasksLate)} / {Number(f.TasksOverdue)}</span></td><td>{E(TrendText(line, arabic))}</td></tr>");
        }

        body.Append("</tbody></table></section>");
    }

    private static string TrendText(EvaluationLine line, bool arabic) => line.Trend switch
    {
        Trend.Better => (arabic ? "▲ أفضل " : "▲ better ") + Signed(line.Change?.InTimePercentPoints, arabic ? " نقطة" : " pp"),
        Trend.Worse => (arabic ? "▼ أسوأ " : "▼ worse ") + Signed(line.Change?.InTimePercentPoints, arabic ? " نقطة" : " pp"),
        Trend.Same => arabic ? "= دون تغيّر" : "= same",
        _ => "—",
    };

    private static string PeriodName(string kind, bool arabic) => kind switch
    {
        EvaluationPeriod.Week => arabic ? "أسبوع" : "Week",
        EvaluationPeriod.Month => arabic ? "شهر" : "Month",
        EvaluationPeriod.Quarter => arabic ? "ربع سنة" : "Quarter",
        _ => arabic ? "فترة" : "Period",
    };

    private static string Dates(EvaluationPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"<span dir=\"ltr\">{period.First:yyyy-MM-dd} – {period.Last:yyyy-MM-dd}</span>");

    /// <summary>An acknowledgement-time span as its column is labelled (≤5 min, >60 min), for this report and the after-action report.</summary>
    public static string SpanLabel(TimeSpanCount span, bool arabic) => span.ToSeconds is { } to
        ? string.Create(CultureInfo.InvariantCulture, $"≤{to / 60}{(arabic ? " د" : " min")}")
        : string.Create(CultureInfo.InvariantCulture, $">{span.FromSeconds / 60}{(arabic ? " د" : " min")}");

    // Written left to right in both languages, so "3 / 8" never reads as "8 / 3".
    private static string Ratio(int part, int whole) => $"<span dir=\"ltr\">{Number(part)} / {Number(whole)}</span>";

    private static string Percent(double? value) => value is { } v ? Number(v, 1) + "%" : "—";

    private static string Signed(double? value, string unit = "") => value switch
    {
        null => "—",
        > 0 => "+" + Number(value.Value, value.Value % 1 == 0 ? 0 : 1) + unit,
        _ => Number(value.Value, value.Value % 1 == 0 ? 0 : 1) + unit,
    };

    private static string SignedDuration(double? seconds) => seconds switch
    {
        null => "—",
        < 0 => "−" + Duration(-seconds),
        _ => "+" + Duration(seconds),
    };
}
