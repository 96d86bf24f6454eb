using System.Globalization;
using System.Text;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Hub.Features.Evaluation;
using Coordination.Hub.Features.FollowUp;
using Coordination.Hub.Features.Printing;
using static Coordination.Hub.Features.Printing.PrintablePage;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// An exercise's after-action report laid out for paper, in one language and under the EXERCISE mark: expected against
/// actual on a timeline, each agency's met, late and missed as bars, how long acknowledgements took, each expected
/// action's result, the strengths and gaps with their proposals and decisions, and the improvement plan when there is one.
/// </summary>
public static class AfterActionReportPage
{
    /// <summary>The report's page in one language; <paramref name="agencyName"/> names an agency a finding concerns.</summary>
    public static PrintablePage Of(AfterActionReport report, bool arabic, string preparedBy, Func<string, string> agencyName)
    {
        ArgumentNullException.ThrowIfNull(report);
        string L(string english, string arabicText) => arabic ? arabicText : english;
        var exercise = report.Exercise;
        var title = L("After-action report", "تقرير ما بعد التمرين");
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<header><h1>{E(title)}</h1><p class=\"exercise\">EXERCISE / تمرين</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"scope\">{E(arabic ? exercise.TitleAr : exercise.TitleEn)}</p>");
        body.Append(CultureInfo.InvariantCulture,
            $"<p class=\"muted\">{E(Status(exercise.Status, arabic))} · <span dir=\"ltr\">T+{Number(exercise.ExerciseMinutes, 1)} / {Number(exercise.DurationMinutes)}</span> {E(L("minutes", "دقيقة"))} · {E(L("As of", "حتى"))} <span dir=\"ltr\">{E(report.AsOf.ToOffset(EvaluationPeriod.LibyaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</span> ({E(L("Libya time", "بتوقيت ليبيا"))}) · {E(L("Prepared by", "أعدّه"))} {E(preparedBy)}</p></header>");

        var results = report.Agencies.SelectMany(a => a.Results.Select(r => (Agency: a, Result: r))).ToList();
        var span = Math.Max(exercise.DurationMinutes, results.Select(r => Math.Max(r.Result.DueAtMinutes ?? 0, r.Result.DoneAtMinutes ?? 0)).DefaultIfEmpty(0).Max());
        body.Append(CultureInfo.InvariantCulture, $"<section class=\"charts\"><h2>{E(L("Expected and actual", "المتوقع والفعلي"))}</h2>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"legend muted\"><span>▮ {E(L("deadline", "الموعد"))}</span><span>● {E(L("done", "التنفيذ"))}</span></p>");
        body.Append(SvgCharts.Timeline([.. results.Select(r => (Line(r.Agency, r.Result, arabic), r.Result.DueAtMinutes, r.Result.DoneAtMinutes, Class(r.Result.Outcome)))],
            span, arabic, L("Each expected action's deadline and when it was done", "موعد كل إجراء متوقع ووقت تنفيذه")));
        body.Append(CultureInfo.InvariantCulture, $"<h2>{E(L("Results per agency", "النتائج حسب الجهة"))}</h2>");
        body.Append(CultureInfo.InvariantCulture,
            $"<p class=\"legend muted\"><span>{E(Outcome(ActionOutcome.Met, arabic))}</span><span>{E(Outcome(ActionOutcome.Late, arabic))}</span><span>{E(Outcome(ActionOutcome.Missed, arabic))}</span></p>");
        body.Append(SvgCharts.Stacked([.. report.Agencies.Select(a => (arabic ? a.NameAr : a.NameEn, (IReadOnlyList<(string, int)>)[("met", a.Met), ("late", a.Late), ("missed", a.Missed)]))],
            arabic, L("Met, late and missed per agency", "المنجز في وقته والمتأخر والفائت حسب الجهة")));
        if (report.Figures is { } figures)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2>{E(L("Time to acknowledge", "زمن تأكيد الاستلام"))}</h2>");
            body.Append(SvgCharts.Columns([.. figures.AcknowledgementTimes.Select(s => (EvaluationReportPage.SpanLabel(s, arabic), s.Count))], arabic,
                L("Acknowledged alerts by time taken", "التنبيهات المؤكَّدة حسب الزمن المستغرق")));
        }

        body.Append("</section>");
        Results(body, results, arabic);
        Findings(body, report.Findings, arabic, agencyName);
        ImprovementPlan(body, report.ImprovementPlan, arabic);
        return new PrintablePage($"{title} — {exercise.TitleEn}", arabic, body.ToString());
    }

    private static void Results(StringBuilder body, List<(AgencyResults Agency, ExpectedActionResult Result)> results, bool arabic)
    {
        string L(string english, string arabicText) => arabic ? arabicText : english;
        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(L("Expected actions", "الإجراءات المتوقعة"))}</h2>");
        if (results.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(L("The scenario expects no actions.", "لا يتوقع السيناريو إجراءات."))}</p></section>");
            return;
        }

        body.Append("<table><thead><tr>");
        foreach (var column in (string[])[L("Agency", "الجهة"), L("Inject", "المُدخل"), L("Expected", "المتوقع"), L("Deadline", "الموعد"), L("Done", "نُفّذ"), L("Result", "النتيجة")])
        {
            body.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(column)}</th>");
        }

        body.Append("</tr></thead><tbody>");
        foreach (var (agency, r) in results)
        {
            var outcome = Outcome(r.Outcome, arabic) + (r.LateByMinutes is { } late ? $" ({Number(late, 1)} {L("min", "د")})" : "");
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><th scope=\"row\">{E(arabic ? agency.NameAr : agency.NameEn)}</th><td>{Number(r.Inject)}</td><td>{E(Action(r, arabic))}</td>" +
                $"<td dir=\"ltr\">{Minutes(r.DueAtMinutes)}</td><td dir=\"ltr\">{Minutes(r.DoneAtMinutes)}</td><td class=\"{Class(r.Outcome)}\">{E(outcome)}</td></tr>");
        }

        body.Append("</tbody></table></section>");
    }

    private static void Findings(StringBuilder body, IReadOnlyList<ExerciseFinding> findings, bool arabic, Func<string, string> agencyName)
    {
        string L(string english, string arabicText) => arabic ? arabicText : english;
        foreach (var (kind, heading) in (IEnumerable<(FindingKind, string)>)[(FindingKind.Strength, L("Strengths", "نقاط القوة")), (FindingKind.Gap, L("Gaps", "الثغرات"))])
        {
            body.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(heading)}</h2>");
            var these = findings.Where(f => f.Finding.Kind == kind).ToList();
            if (these.Count == 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(L("None recorded.", "لم يُسجَّل شيء."))}</p>");
            }

            foreach (var f in these)
            {
                var finding = f.Finding;
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"finding\"><p>{E(arabic ? finding.TextAr : finding.TextEn)}</p><p class=\"muted\">");
                body.Append(CultureInfo.InvariantCulture, $"{E(finding.Agency is null ? L("The whole exercise", "التمرين كله") : agencyName(finding.Agency))} · {E(L("by", "سجّلها"))} {E(finding.By)}</p>");
                if (finding.Rescore is { } rescore)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<p>{E(L("Proposes a re-score of a register risk", "يقترح إعادة تقييم خطر في السجل"))}");
                    if (rescore.Likelihood is { } likelihood)
                    {
                        body.Append(CultureInfo.InvariantCulture, $": {E(L("likelihood", "الاحتمالية"))} {Number(likelihood)}");
                    }

                    body.Append(CultureInfo.InvariantCulture, $" — {E(rescore.Reason)}</p>");
                }
                else if (finding.PlanChange is { } change)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<p>{E(L("Proposes a plan change", "يقترح تعديل خطة"))}: {E(change.Change)}</p>");
                }

                if (f.Decision is { } decision)
                {
                    body.Append(CultureInfo.InvariantCulture,
                        $"<p><strong>{E(decision.Accepted ? L("Accepted", "مقبول") : L("Declined", "مرفوض"))}</strong> {E(L("by", "من"))} {E(decision.By)}: {E(decision.Reason)}</p>");
                }
                else if (f.TargetId is not null)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(L("Awaiting a decision", "بانتظار القرار"))}</p>");
                }

                body.Append("</div>");
            }

            body.Append("</section>");
        }
    }

    // The follow-up's items raised from the exercise, each with its owner, due date and where it stands.
    private static void ImprovementPlan(StringBuilder body, IReadOnlyList<ImprovementItemView> items, bool arabic)
    {
        if (items.Count == 0)
        {
            return;
        }

        string L(string english, string arabicText) => arabic ? arabicText : english;
        body.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(L("Improvement plan", "خطة التحسين"))}</h2><ul>");
        foreach (var item in items)
        {
            var status = item.Status == ImprovementItemView.Done ? L("done", "منجز") : item.Overdue ? L("overdue", "متأخر") : L("open", "مفتوح");
            body.Append(CultureInfo.InvariantCulture,
                $"<li>{E(arabic ? item.ActionAr : item.ActionEn)} · {E(item.OwnerAgency)} · <span dir=\"ltr\">{item.DueDate:yyyy-MM-dd}</span> · {E(status)}</li>");
        }

        body.Append("</ul></section>");
    }

    private static string Line(AgencyResults agency, ExpectedActionResult result, bool arabic) =>
        $"{(arabic ? agency.NameAr : agency.NameEn)} · {Number(result.Inject)} · {Action(result, arabic, within: false)}";

    private static string Action(ExpectedActionResult result, bool arabic, bool within = true) => result.Action switch
    {
        ExpectedActionKind.Acknowledge => arabic ? "تأكيد الاستلام" : "Acknowledge",
        ExpectedActionKind.ActivatePlan => (arabic ? "تفعيل الخطة " : "Activate plan ") + result.Plan,
        _ => (arabic ? "إنجاز المهمة " : "Complete task ") + result.Task,
    } + (within ? string.Create(CultureInfo.InvariantCulture, $" ({(arabic ? "خلال" : "within")} {result.WithinMinutes} {(arabic ? "د" : "min")})") : "");

    private static string Outcome(ActionOutcome outcome, bool arabic) => outcome switch
    {
        ActionOutcome.Met => arabic ? "في الوقت" : "Met",
        ActionOutcome.Late => arabic ? "متأخر" : "Late",
        ActionOutcome.Missed => arabic ? "فائت" : "Missed",
        ActionOutcome.Pending => arabic ? "لم يحن موعده" : "Pending",
        _ => arabic ? "لم يُلعب" : "Not played",
    };

    private static string Status(ExerciseStatus status, bool arabic) => status switch
    {
        ExerciseStatus.Running => arabic ? "جارٍ" : "Running",
        ExerciseStatus.Paused => arabic ? "متوقف مؤقتاً" : "Paused",
        ExerciseStatus.Completed => arabic ? "اكتمل" : "Completed",
        _ => arabic ? "أُنهي قبل موعده" : "Aborted",
    };

    private static string Class(ActionOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Minutes(double? minutes) => minutes is { } m ? "T+" + Number(m, 1) : "—";
}
