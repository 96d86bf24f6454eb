using System.Globalization;
using System.Net;
using System.Text;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Localization;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Visibility;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// An incident's activity log in the shape of ICS-214 (the Incident Command System's activity log): the incident,
/// the operational period, who prepared it, and every notable activity with its time in Libya, who, which agency
/// and what, read from the hash-chained log; as CSV or as a printable page (right to left in Arabic). Optionally
/// only one agency's own activities.
/// </summary>
public sealed class ActivityLog(IncidentAccess access, IEventLog log, AgencyDirectory agencies, RestrictedAccessAudit audit, TimeProvider time)
    : IUseCase<ActivityLog.Query, ActivityLog.File>
{
    /// <summary><c>Format</c>: "csv" (the default) or "html"; <c>Agency</c>: only the activities of that agency's people.</summary>
    public sealed record Query(Guid IncidentId, string? Format, string? Agency);

    /// <summary>The file to send: its type and text.</summary>
    public sealed record File(string ContentType, string Text);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(AgencyDirectory agencies)
        {
            RuleFor(q => q.Format).Must(f => f is null or "csv" or "html").Says(Invalid.ActivityLogFormat);
            RuleFor(q => q.Agency).Must(a => a is null || agencies.Exists(a)).Says(a => Invalid.UnknownAgency(a));
        }
    }

    public Policy Policy => Policies.SeeIncidents;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<File> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var incident = await access.GetVisibleAsync(caller, request.IncidentId, cancellationToken);
        if (incident.Board.Classification == Classification.Restricted)
        {
            await audit.RecordAsync(caller, [request.IncidentId], "activity-log");
        }

        var rows = (await IncidentTimeline.ReadAsync(log, request.IncidentId, e => OwnAgencyEntries.Shows(e, caller.SeesEverything ? null : caller.Agency), cancellationToken))
            .Where(r => request.Agency is null || r.Agency == request.Agency)
            .Select(r => new Row(CapAlerts.Time(r.RecordedAt), r.Actor, AgencyName(r.Agency), Activity(r.Type, r.Summary), r.Position))
            .ToList();
        var header = new Header(
            $"{incident.Board.Reference} — {incident.Board.Title}",
            rows.Count == 0 ? "" : $"{rows[0].Time} / {rows[^1].Time}",
            request.Agency is null ? Say.Of("All agencies", "كل الجهات") : AgencyName(request.Agency),
            $"{caller.UserName} ({AgencyName(caller.Agency)})",
            CapAlerts.Time(time.GetUtcNow()),
            incident.Board.IsExercise);
        return request.Format == "html" ? new File("text/html; charset=utf-8", Html(header, rows)) : new File("text/csv; charset=utf-8", Csv(header, rows));
    }

    internal sealed record Header(string Incident, string Period, string Unit, string PreparedBy, string PreparedAt, bool Exercise);

    internal sealed record Row(string Time, string Who, string Agency, string Activity, long Position);

    private string AgencyName(string code) => agencies.Find(code) is { } a ? Say.Of(a.NameEn, a.NameAr) : code;

    internal static string Activity(string type, string summary) => type switch
    {
        EventTypes.IncidentReported => Say.Of($"Reported: {summary}", $"بلاغ: {summary}"),
        EventTypes.AgencyAlerted => Say.Of($"Agency alerted: {summary}", $"تنبيه جهة: {summary}"),
        EventTypes.AlertAcknowledged => Say.Of($"Alert acknowledged: {summary}", $"تأكيد استلام التنبيه: {summary}"),
        EventTypes.IncidentUpdated => Say.Of($"Update: {summary}", $"تحديث: {summary}"),
        EventTypes.IncidentStatusChanged => Say.Of($"Status: {summary}", $"الحالة: {summary}"),
        EventTypes.AlertEscalated => Say.Of($"Alert escalated: {summary}", $"تصعيد التنبيه: {summary}"),
        EventTypes.AlertReminderSent => Say.Of($"Reminder: {summary}", $"تذكير: {summary}"),
        EventTypes.PlanActivated => Say.Of($"Plan activated: {summary}", $"تفعيل خطة: {summary}"),
        EventTypes.PlanStoodDown => Say.Of($"Plan stood down: {summary}", $"إنهاء تفعيل خطة: {summary}"),
        EventTypes.TaskAssigned => Say.Of($"Task assigned: {summary}", $"إسناد مهمة: {summary}"),
        EventTypes.TaskAcknowledged => Say.Of($"Task acknowledged: {summary}", $"تأكيد استلام مهمة: {summary}"),
        EventTypes.TaskProgressed => Say.Of($"Task progress: {summary}", $"تقدّم مهمة: {summary}"),
        EventTypes.TaskCompleted => Say.Of($"Task completed: {summary}", $"إنجاز مهمة: {summary}"),
        EventTypes.TaskEscalated => Say.Of($"Task escalated: {summary}", $"تصعيد مهمة: {summary}"),
        _ => $"{type}: {summary}",
    };

    internal static string Csv(Header header, List<Row> rows)
    {
        // Every cell through CsvCells: an agency's name or a person's text may start like a spreadsheet formula.
        static string Quote(string field) => CsvCells.Write(field);
        var csv = new StringBuilder();
        csv.Append("ICS 214,").Append(Quote(Say.Of("Activity log", "سجل الأنشطة"))).Append(header.Exercise ? ",EXERCISE / تمرين" : "").Append("\r\n");
        foreach (var (label, value) in Fields(header))
        {
            csv.Append(Quote(label)).Append(',').Append(Quote(value)).Append("\r\n");
        }

        csv.AppendJoin(',', Columns().Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', new[] { row.Time, row.Who, row.Agency, row.Activity, row.Position.ToString(CultureInfo.InvariantCulture) }.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    internal static string Html(Header header, List<Row> rows)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var (lang, dir) = Say.IsArabic ? ("ar", "rtl") : ("en", "ltr");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>ICS 214 — {E(header.Incident)}</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/css/ics214.css\"></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>ICS 214 — {E(Say.Of("Activity log", "سجل الأنشطة"))}</h1>");
        if (header.Exercise)
        {
            html.Append("<p class=\"exercise\">EXERCISE / تمرين</p>");
        }

        html.Append("<dl>");
        foreach (var (label, value) in Fields(header))
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(label)}</dt><dd>{E(value)}</dd>");
        }

        html.Append("</dl><table><thead><tr>");
        foreach (var column in Columns())
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(column)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td dir=\"ltr\">{E(row.Time)}</td><td>{E(row.Who)}</td><td>{E(row.Agency)}</td><td>{E(row.Activity)}</td><td>{row.Position}</td></tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }

    private static IEnumerable<(string Label, string Value)> Fields(Header header) =>
    [
        (Say.Of("Incident", "الحادث"), header.Incident),
        (Say.Of("Operational period (Libya time)", "الفترة التشغيلية (بتوقيت ليبيا)"), header.Period),
        (Say.Of("Unit", "الوحدة"), header.Unit),
        (Say.Of("Prepared by", "أعدّه"), header.PreparedBy),
        (Say.Of("Prepared at", "تاريخ الإعداد"), header.PreparedAt),
    ];

    private static string[] Columns() =>
        [Say.Of("Date and time", "التاريخ والوقت"), Say.Of("Name", "الاسم"), Say.Of("Agency", "الجهة"), Say.Of("Notable activities", "الأنشطة البارزة"), Say.Of("Log position", "الموضع في السجل")];
}
